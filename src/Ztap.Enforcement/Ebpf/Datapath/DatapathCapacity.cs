using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Refuses an image that does not fit the datapath's maps before anything is written: a set too big
/// is an error naming each limit it breaks, never a truncated or half-installed policy.
/// </summary>
internal static class DatapathCapacity
{
    public static void Check(DatapathImage image)
    {
        var problems = new List<string>();
        void Limit(int needed, int limit, string what, string name)
        {
            if (needed > limit)
            {
                problems.Add($"{what}: {needed} needed, at most {limit} ({name} in bpf/ztap_maps.h)");
            }
        }

        Limit(image.Ipcache.Count, DatapathLimits.MaxPrefixes, "ipcache prefixes", "ZTAP_MAX_PREFIXES");
        Limit(image.Subjects.Count, DatapathLimits.MaxSubjects, "attached cgroups", "ZTAP_MAX_SUBJECTS");
        Limit(image.Isolated.Count, DatapathLimits.MaxIsolations, "isolated identity directions", "ZTAP_MAX_ISOLATIONS");
        Limit(image.Blocks.Count, DatapathLimits.MaxBlockEntries, "ipBlock prefix entries", "ZTAP_MAX_BLOCK_ENTRIES");
        Limit(image.Policy.Count, DatapathLimits.MaxPolicyEntries, "policy map entries", "ZTAP_MAX_POLICY_ENTRIES");
        Limit(image.PolicyCount, DatapathLimits.MaxPolicies, "policies", "ZTAP_MAX_POLICIES");
        if (problems.Count > 0)
        {
            throw new EnforcementException(
                EnforcementFailure.CapacityExceeded,
                "the policy set does not fit the eBPF datapath; nothing was changed:\n  " + string.Join("\n  ", problems));
        }
    }
}
