using System.Collections.Immutable;
using Ztap.Core.Policy;

namespace Ztap.Core.Engine;

/// <summary>
/// The verdict of one side of a flow: egress from the source or ingress to the destination. A side
/// that no policy isolates is allowed; an isolated side is allowed only by a rule.
/// </summary>
/// <param name="IsolatingPolicies">The policies that select the workload on this side and isolate this direction.</param>
/// <param name="AllowingRule">The first rule (in policy order) that allows the flow, when one does.</param>
public sealed record SideDecision(
    Direction Direction,
    bool Allowed,
    ImmutableArray<NetworkPolicy> IsolatingPolicies,
    RuleReference? AllowingRule)
{
    public bool Isolated => !IsolatingPolicies.IsEmpty;
}
