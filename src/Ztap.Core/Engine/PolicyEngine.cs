using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;

namespace Ztap.Core.Engine;

/// <summary>
/// Decides flows against a compiled <see cref="PolicySet"/>: a flow is allowed when egress from the
/// source and ingress to the destination are both allowed, each exactly as Kubernetes defines it.
/// Every backend must agree with this engine; it is the judge when they differ.
/// </summary>
public sealed class PolicyEngine(PolicySet set)
{
    public PolicySet PolicySet { get; } = set;

    public Verdict Decide(in Flow flow)
    {
        if (flow.Source.Equals(flow.Destination))
        {
            return Verdict.Allow;
        }

        var source = PolicySet.IndexOf(flow.Source);
        var destination = PolicySet.IndexOf(flow.Destination);
        var protocol = (byte)flow.Protocol;
        return Allows(PolicySet.Table(source, Direction.Egress), destination, protocol, flow.Port)
            && Allows(PolicySet.Table(destination, Direction.Ingress), source, protocol, flow.Port)
            ? Verdict.Allow
            : Verdict.Deny;
    }

    /// <summary>The verdict with its reasons: the workloads, the isolating policies and the allowing rules.</summary>
    public Explanation Explain(in Flow flow)
    {
        var source = PolicySet.IndexOf(flow.Source);
        var destination = PolicySet.IndexOf(flow.Destination);
        var self = flow.Source.Equals(flow.Destination);
        var egress = Side(Direction.Egress, source, destination, flow, self);
        var ingress = Side(Direction.Ingress, destination, source, flow, self);
        return new Explanation(
            flow,
            egress.Allowed && ingress.Allowed ? Verdict.Allow : Verdict.Deny,
            PolicySet.Inventory.FindByAddress(flow.Source),
            PolicySet.Inventory.FindByAddress(flow.Destination),
            egress,
            ingress);
    }

    private SideDecision Side(Direction direction, int subject, int peer, in Flow flow, bool self)
    {
        var table = PolicySet.Table(subject, direction);
        if (table is null)
        {
            return new SideDecision(direction, true, [], null);
        }

        var isolating = table.IsolatingPolicies.Select(PolicySet.PolicyOfRank).ToImmutableArray();
        var rule = table.FirstRule(peer, PolicySet.CellOf(peer), (byte)flow.Protocol, flow.Port);
        var allowed = rule != RuleKey.None;
        return new SideDecision(direction, self || allowed, isolating, allowed ? PolicySet.Rule(rule, direction) : null);
    }

    private bool Allows(RuleTable? table, int peer, byte protocol, int port) =>
        table is null || table.Allows(peer, PolicySet.CellOf(peer), protocol, port);
}
