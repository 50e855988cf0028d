using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Writes one rule of one policy into the rule tables of the groups the policy selects. Named ports
/// resolve on the destination: the subject itself for ingress, each peer for egress.
/// </summary>
internal sealed class RuleEmitter(WorkloadGroups groups, IdentityTable identities, PeerResolver peers)
{
    private static readonly PolicyPort[] AllPorts = [new(0, null, null, null)];

    public void Emit(NetworkPolicy policy, Direction direction, PolicyRule rule, int ruleId, int[] subjects, RuleTableBuilder?[] tables)
    {
        int[]? peerIdentities = rule.Peers.IsEmpty ? null : peers.Resolve(policy.Namespace, rule.Peers);
        var ports = rule.Ports.IsEmpty ? AllPorts : rule.Ports.AsSpan();
        foreach (var subject in subjects)
        {
            var table = tables[subject]!; // created when the policy isolated the subject
            foreach (var port in ports)
            {
                var protocol = (byte)port.Protocol;
                if (port.PortName is null)
                {
                    var from = port.Port ?? 0;
                    var to = port.EndPort ?? port.Port ?? ushort.MaxValue;
                    AllowEach(table, peerIdentities, protocol, from, to, ruleId);
                }
                else if (direction == Direction.Ingress)
                {
                    if (groups.All[subject].ResolvePort(port.PortName, port.Protocol) is { } number)
                    {
                        AllowEach(table, peerIdentities, protocol, number, number, ruleId);
                    }
                }
                else
                {
                    AllowNamedOnPeers(table, peerIdentities ?? peers.WithNamedPort(port.PortName, port.Protocol), port, ruleId);
                }
            }
        }
    }

    private static void AllowEach(RuleTableBuilder table, int[]? peerIdentities, byte protocol, int from, int to, int ruleId)
    {
        if (peerIdentities is null)
        {
            table.Allow(RuleTable.AnyPeer, protocol, from, to, ruleId);
            return;
        }

        foreach (var peer in peerIdentities)
        {
            table.Allow(peer, protocol, from, to, ruleId);
        }
    }

    private void AllowNamedOnPeers(RuleTableBuilder table, int[] peerIdentities, PolicyPort port, int ruleId)
    {
        foreach (var peer in peerIdentities)
        {
            var group = identities.GroupOf[peer];
            if (group >= 0 && groups.All[group].ResolvePort(port.PortName!, port.Protocol) is { } number)
            {
                table.Allow(peer, (byte)port.Protocol, number, number, ruleId);
            }
        }
    }
}
