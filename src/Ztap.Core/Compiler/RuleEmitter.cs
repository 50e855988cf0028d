using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Writes one rule of one policy into the rule tables of the groups the policy selects. Named ports
/// resolve on the destination: the subject itself for ingress, each peer for egress.
/// </summary>
internal sealed class RuleEmitter(WorkloadGroups groups, IdentityTable identities, PeerResolver peers)
{
    private static readonly PolicyPort[] AllPorts = [new(0, null, null, null)];

    /// <summary>
    /// Writes a policy's side into the tables of the given subjects: it isolates them, and each of
    /// its rules allows what it allows.
    /// </summary>
    /// <param name="rank">The policy's rank in the set (<see cref="PolicyOrder"/>).</param>
    public void EmitPolicy(NetworkPolicy policy, int rank, Direction direction, int[] subjects, RuleTableBuilder?[] tables)
    {
        foreach (var subject in subjects)
        {
            (tables[subject] ??= new RuleTableBuilder()).Isolate(rank);
        }

        var rules = policy.Rules(direction);
        for (var r = 0; r < rules.Length; r++)
        {
            Emit(policy, direction, rules[r], RuleKey.Of(rank, r), subjects, tables);
        }
    }

    /// <param name="tables">The direction's tables, indexed by group; every subject's table exists.</param>
    private void Emit(NetworkPolicy policy, Direction direction, PolicyRule rule, RuleKey ruleKey, int[] subjects, RuleTableBuilder?[] tables)
    {
        var resolved = rule.Peers.IsEmpty ? null : peers.Resolve(policy.Namespace, rule.Peers);
        var ports = rule.Ports.IsEmpty ? AllPorts : rule.Ports.AsSpan();
        foreach (var subject in subjects)
        {
            var table = tables[subject]!;
            foreach (var port in ports)
            {
                var protocol = (byte)port.Protocol;
                if (port.PortName is null)
                {
                    Allow(table, resolved, protocol, port.Port ?? 0, port.EndPort ?? port.Port ?? ushort.MaxValue, ruleKey);
                }
                else if (direction == Direction.Ingress)
                {
                    if (groups.All[subject].ResolvePort(port.PortName, port.Protocol) is { } number)
                    {
                        Allow(table, resolved, protocol, number, number, ruleKey);
                    }
                }
                else
                {
                    var candidates = resolved is null ? peers.WithNamedPort(port.PortName, port.Protocol) : peers.Workloads(resolved);
                    AllowNamedOnPeers(table, candidates, port, ruleKey);
                }
            }
        }
    }

    private static void Allow(RuleTableBuilder table, ResolvedPeers? resolved, byte protocol, int from, int to, RuleKey ruleKey)
    {
        if (resolved is null)
        {
            table.Allow(RuleTable.AnyPeer, protocol, from, to, ruleKey);
            return;
        }

        foreach (var peer in resolved.Identities)
        {
            table.Allow(peer, protocol, from, to, ruleKey);
        }

        foreach (var (block, cells) in resolved.Blocks)
        {
            foreach (var (start, end) in cells)
            {
                table.AllowBlock(new BlockAllow(block, start, end, protocol, from, to, ruleKey));
            }
        }
    }

    private void AllowNamedOnPeers(RuleTableBuilder table, IEnumerable<int> candidates, PolicyPort port, RuleKey ruleKey)
    {
        foreach (var peer in candidates)
        {
            var group = identities.GroupOf[peer];
            if (group >= 0 && groups.All[group].ResolvePort(port.PortName!, port.Protocol) is { } number)
            {
                table.Allow(peer, (byte)port.Protocol, number, number, ruleKey);
            }
        }
    }
}
