using System.Collections.Immutable;
using Ztap.Enforcement;

namespace Ztap.Observability.Tests.Metrics;

/// <summary>eBPF statuses as the kernel reports them, for feeding the metrics without a kernel.</summary>
internal static class Statuses
{
    public static readonly DateTimeOffset FirstApply = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static EnforcementStatus Installed(
        long generation,
        ImmutableArray<PolicyCounters> policies,
        VerdictTotals? totals = null,
        EnforcementMode mode = EnforcementMode.Enforce,
        DateTimeOffset? appliedAt = null) => new(
        "ebpf",
        true,
        $"v{generation}",
        generation,
        appliedAt ?? FirstApply.AddMinutes(generation),
        mode,
        [new AttachedWorkload("prod/web", "ztap/web", 41, 7)],
        [],
        [new MapFill("ipcache", 12, 262144), new MapFill("conntrack", 3, 262144)],
        policies,
        totals ?? new VerdictTotals(0, 0, 0, 0));

    public static EnforcementStatus NothingInstalled() =>
        new("ebpf", false, null, 0, null, EnforcementMode.Enforce, [], [], [], [], new VerdictTotals(0, 0, 0, 0));

    public static PolicyCounters Counts(string policy, ulong allowed, ulong denied) => new(policy, allowed, 0, denied, 0);
}
