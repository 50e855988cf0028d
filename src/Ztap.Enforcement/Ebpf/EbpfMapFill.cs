using System.Collections.Immutable;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf;

/// <summary>How full a version leaves the slot maps, against their capacities.</summary>
internal static class EbpfMapFill
{
    public static ImmutableArray<MapFill> Of(DatapathImage image) =>
    [
        new MapFill("ipcache", image.Ipcache.Count, DatapathLimits.MaxPrefixes),
        new MapFill("subjects", image.Subjects.Count, DatapathLimits.MaxSubjects),
        new MapFill("isolated", image.Isolated.Count, DatapathLimits.MaxIsolations),
        new MapFill("blocks", image.Blocks.Count, DatapathLimits.MaxBlockEntries),
        new MapFill("policy", image.Policy.Count, DatapathLimits.MaxPolicyEntries),
        new MapFill("policies", image.PolicyCount, DatapathLimits.MaxPolicies),
    ];
}
