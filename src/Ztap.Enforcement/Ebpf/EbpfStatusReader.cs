using System.Collections.Immutable;
using Ztap.Enforcement.Ebpf.Kernel;
using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.State;

namespace Ztap.Enforcement.Ebpf;

/// <summary>
/// Reads what is in force from the pinned maps (generation, mode, counters, conntrack) and names it
/// with the state files; the kernel is the truth and the state files only lend it names.
/// </summary>
internal static class EbpfStatusReader
{
    public static EnforcementStatus Read(EbpfLocation location, EbpfState? state, EbpfNames? names)
    {
        using var maps = PinnedMaps.Open(location.PinRoot);
        if (maps is null)
        {
            return new EnforcementStatus("ebpf", false, null, 0, null, EnforcementMode.Enforce, [], [], [], [], new VerdictTotals(0, 0, 0, 0));
        }

        var generation = maps.Config.TryLookup(0u, out uint g) ? g : 0;
        var slot = generation & 1;
        maps.Settings.TryLookup(slot, out DatapathSettings settings);
        var counters = new PerCpuReader();
        var links = new CgroupLinks(location.PinRoot);
        var attachedIds = links.Attached();
        var attached = (state?.Attached ?? []).Where(a => attachedIds.Contains(a.CgroupId)).ToImmutableArray();

        // The state names the generation it applied; a different generation in the kernel means an
        // apply stopped after switching, and its numbers cannot be named.
        var named = state is not null && state.Generation == generation;
        var policies = named && names is not null ? PolicyCounters(maps.Slots[slot].Counters, counters, names, generation) : [];
        var fill = (named ? state!.Maps : []).Add(new MapFill("conntrack", maps.Conntrack.Count<ConntrackKey, ulong>(), DatapathLimits.MaxConntrack));

        return new EnforcementStatus(
            "ebpf",
            generation != 0,
            named ? state!.PolicyVersion : null,
            generation,
            named ? state!.AppliedAt : null,
            settings.Mode == DatapathLimits.ModeAudit ? EnforcementMode.Audit : EnforcementMode.Enforce,
            attached,
            named && names is not null ? names.Identities : [],
            fill,
            policies,
            Totals(maps.Verdicts, counters));
    }

    private static ImmutableArray<PolicyCounters> PolicyCounters(BpfMap map, PerCpuReader reader, EbpfNames names, uint generation)
    {
        var allowed = reader.Sum(map, 0, names.Policies.Length, generation);
        var denied = reader.Sum(map, DatapathLimits.MaxPolicies, names.Policies.Length, generation);
        return [.. names.Order.Select(number => new PolicyCounters(
            names.Policies[number], allowed[number].Decisions, allowed[number].Bytes, denied[number].Decisions, denied[number].Bytes))];
    }

    private static VerdictTotals Totals(BpfMap verdicts, PerCpuReader reader) => new(
        reader.Sum(verdicts, DatapathLimits.TotalAllowed).Decisions,
        reader.Sum(verdicts, DatapathLimits.TotalDenied).Decisions,
        reader.Sum(verdicts, DatapathLimits.TotalAudited).Decisions,
        reader.Sum(verdicts, DatapathLimits.TotalEventsLost).Decisions);
}
