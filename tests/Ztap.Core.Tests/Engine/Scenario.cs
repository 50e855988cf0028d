using System.Collections.Immutable;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Engine;

/// <summary>A random world for property tests: an inventory, policies over it, and flows to decide.</summary>
internal sealed record Scenario(WorkloadInventory Inventory, ImmutableArray<NetworkPolicy> Policies, ImmutableArray<Flow> Flows)
{
    public override string ToString() =>
        $"workloads:\n  {string.Join("\n  ", Inventory.Workloads.Select(w => $"{w.QualifiedName} {w.Labels} [{string.Join(' ', w.Addresses)}] ports {string.Join(' ', w.NamedPorts)}"))}\n"
        + $"namespaces: {string.Join("; ", Inventory.Namespaces.Select(n => $"{n.Name} {n.Labels}"))}\n"
        + $"policies:\n  {string.Join("\n  ", Policies.Select(Describe))}\n"
        + $"flows: {string.Join("; ", Flows)}";

    private static string Describe(NetworkPolicy policy) =>
        $"{policy.QualifiedName} select {policy.PodSelector} types {policy.PolicyTypes}"
        + $" ingress [{string.Join(" | ", policy.Ingress.Select(DescribeRule))}]"
        + $" egress [{string.Join(" | ", policy.Egress.Select(DescribeRule))}]";

    private static string DescribeRule(PolicyRule rule) =>
        $"peers({string.Join(", ", rule.Peers)}) ports({string.Join(", ", rule.Ports)})";
}
