using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Engine;

/// <summary>
/// The Kubernetes NetworkPolicy rules read straight off the documentation, with no compilation,
/// indexing or identities: slow and obviously right, the twin the compiled engine is checked against.
/// </summary>
internal static class ReferenceEvaluator
{
    public static Verdict Decide(IReadOnlyList<NetworkPolicy> policies, WorkloadInventory inventory, Flow flow)
    {
        if (flow.Source.Equals(flow.Destination))
        {
            return Verdict.Allow;
        }

        var source = inventory.FindByAddress(flow.Source);
        var destination = inventory.FindByAddress(flow.Destination);
        var egress = SideAllows(policies, inventory, Direction.Egress, source, flow.Destination, destination, flow);
        var ingress = SideAllows(policies, inventory, Direction.Ingress, destination, flow.Source, source, flow);
        return egress && ingress ? Verdict.Allow : Verdict.Deny;
    }

    private static bool SideAllows(
        IReadOnlyList<NetworkPolicy> policies,
        WorkloadInventory inventory,
        Direction direction,
        Workload? subject,
        IPAddress peerAddress,
        Workload? peer,
        Flow flow)
    {
        if (subject is null)
        {
            return true;
        }

        var isolating = policies
            .Where(p => p.Namespace == subject.Namespace && p.PodSelector.Matches(subject.Labels) && p.Isolates(direction))
            .ToList();
        if (isolating.Count == 0)
        {
            return true;
        }

        var destination = direction == Direction.Ingress ? subject : peer;
        return isolating.Any(policy => policy.Rules(direction).Any(rule =>
            PeersMatch(rule, policy, inventory, peerAddress, peer) && PortsMatch(rule, destination, flow)));
    }

    private static bool PeersMatch(PolicyRule rule, NetworkPolicy policy, WorkloadInventory inventory, IPAddress address, Workload? workload) =>
        rule.Peers.IsEmpty || rule.Peers.Any(peer => PeerMatches(peer, policy, inventory, address, workload));

    private static bool PeerMatches(PolicyPeer peer, NetworkPolicy policy, WorkloadInventory inventory, IPAddress address, Workload? workload)
    {
        if (peer.IpBlock is { } block)
        {
            return block.Contains(address);
        }

        if (workload is null)
        {
            return false;
        }

        var namespaceMatches = peer.NamespaceSelector is { } namespaces
            ? namespaces.Matches(inventory.NamespaceLabels(workload.Namespace))
            : workload.Namespace == policy.Namespace;
        return namespaceMatches && (peer.PodSelector ?? LabelSelector.Everything).Matches(workload.Labels);
    }

    private static bool PortsMatch(PolicyRule rule, Workload? destination, Flow flow) =>
        rule.Ports.IsEmpty || rule.Ports.Any(port => port.Protocol == flow.Protocol && PortMatches(port, destination, flow.Port));

    private static bool PortMatches(PolicyPort port, Workload? destination, int number)
    {
        if (port.PortName is { } name)
        {
            return destination is not null
                && destination.NamedPorts.Any(p => p.Name == name && p.Protocol == port.Protocol && p.Port == number);
        }

        return port.Port is not { } from || (number >= from && number <= (port.EndPort ?? from));
    }
}
