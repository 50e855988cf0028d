using Ztap.Core.Engine;
using Ztap.Core.Flows;

namespace Ztap.Observability.FlowLog;

/// <summary>Which flow records a reader passes on: by deciding policy, verdict and time; null means any.</summary>
/// <param name="Policy">The deciding policy, as <c>namespace/name</c> or the bare name (matching it in any namespace).</param>
public sealed record FlowFilter(string? Policy = null, Verdict? Verdict = null, DateTimeOffset? Since = null)
{
    public static FlowFilter All { get; } = new();

    public bool Matches(FlowRecord record) =>
        (Verdict is null || record.Verdict == Verdict)
        && (Since is null || record.Time >= Since)
        && (Policy is null || PolicyMatches(record.Policy));

    private bool PolicyMatches(string? policy) =>
        policy is not null
        && (string.Equals(policy, Policy, StringComparison.Ordinal)
            || (!Policy!.Contains('/', StringComparison.Ordinal) && policy.EndsWith("/" + Policy, StringComparison.Ordinal)));
}
