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
    /// its rules, numbered from <paramref name="firstRule"/>, allows what it allows.
    /// </summary>
    public void EmitPolicy(NetworkPolicy policy, int index, Direction direction, int firstRule, int[] subjects, RuleTableBuilder?[] tables)
    {
        foreach (var subject in subjects)
        {
            (tables[subject] ??= new RuleTableBuilder()).Isolate(index);
        }

        var rules = policy.Rules(direction);
        for (var r = 0; r < rules.Length; r++)
        {
            Emit(policy, direction, rules[r], firstRule + r, subjects, tables);
        }
    }

    /// <param name="tables">The direction's tables, indexed by group; every subject's table exists.</param>
    private void Emit(NetworkPolicy policy, Direction direction, PolicyRule rule, int ruleId, int[] subjects, RuleTableBuilder?[] tables)
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
                    Allow(table, resolved, protocol, port.Port ?? 0, port.EndPort ?? port.Port ?? ushort.MaxValue, ruleId);
                }
                else if (direction == Direction.Ingress)
                {
                    if (groups.All[subject].ResolvePort(port.PortName, port.Protocol) is { } number)
                    {
                        Allow(table, resolved, protocol, number, number, ruleId);
                    }
                }
                else
                {
                    var candidates = resolved is null ? peers.WithNamedPort(port.PortName, port.Protocol) : peers.Workloads(resolved);
                    AllowNamedOnPeers(table, candidates, port, ruleId);
                }
            }
        }
    }

    private static void Allow(RuleTableBuilder table, ResolvedPeers? resolved, byte protocol, int from, int to, int ruleId)
    {
        if (resolved is null)
        {
            table.Allow(RuleTable.AnyPeer, protocol, from, to, ruleId);
            return;
        }

        foreach (var peer in resolved.Identities)
        {
            table.Allow(peer, protocol, from, to, ruleId);
        }

        foreach (var (block, cells) in resolved.Blocks)
        {
            foreach (var (start, end) in cells)
            {
                table.AllowBlock(new BlockAllow(block, start, end, protocol, from, to, ruleId));
            }
        }
    }

    private void AllowNamedOnPeers(RuleTableBuilder table, IEnumerable<int> candidates, PolicyPort port, int ruleId)
    {
        foreach (var peer in candidates)
        {
            var group = identities.GroupOf[peer];
            if (group >= 0 && groups.All[group].ResolvePort(port.PortName!, port.Protocol) is { } number)
            {
                table.Allow(peer, (byte)port.Protocol, number, number, ruleId);
            }
        }
    }
}
