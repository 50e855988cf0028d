using Ztap.Core.Compiler;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Everything one policy version installs in a slot: the ipcache (address to identity), the
/// subjects (attached cgroup to identity), the isolated identities and the allowed entries.
/// Computed from the <see cref="PolicySet"/> alone, apart from the kernel that receives it.
/// </summary>
internal sealed class DatapathImage
{
    private DatapathImage(
        MapImage<IpcacheKey, uint> ipcache,
        MapImage<SubjectKey, uint> subjects,
        MapImage<IsolationKey, uint> isolated,
        MapImage<PolicyKey, PolicyValue> policy,
        int rules,
        int policies)
    {
        Ipcache = ipcache;
        Subjects = subjects;
        Isolated = isolated;
        Policy = policy;
        RuleCount = rules;
        PolicyCount = policies;
    }

    public MapImage<IpcacheKey, uint> Ipcache { get; }

    public MapImage<SubjectKey, uint> Subjects { get; }

    public MapImage<IsolationKey, uint> Isolated { get; }

    public MapImage<PolicyKey, PolicyValue> Policy { get; }

    /// <summary>How many rule counters the version uses (allows are counted per rule).</summary>
    public int RuleCount { get; }

    /// <summary>How many policy counters the version uses (denials are counted per isolating policy).</summary>
    public int PolicyCount { get; }

    public static DatapathImage Build(PolicySet set, IReadOnlyList<SubjectEntry> subjects)
    {
        var ipcache = set.Prefixes.Select(p => IpcacheKey.From(p.Prefix)).ToArray();
        var ipcacheValues = set.Prefixes.Select(p => p.Identity).ToArray();
        var indexes = new SetIndexes(set);
        var blocks = new BlockPeers(set);
        var isolatedKeys = new List<IsolationKey>();
        var isolatedValues = new List<uint>();
        var policyKeys = new List<PolicyKey>();
        var policyValues = new List<PolicyValue>();

        foreach (var identity in set.Identities)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                var rules = set.RulesOf(identity, direction);
                if (!rules.Isolated)
                {
                    continue;
                }

                isolatedKeys.Add(new IsolationKey { Identity = identity.Number, Direction = (uint)direction });
                isolatedValues.Add((uint)indexes.Policy(rules.IsolatingPolicies[0]));
                var byPeer = rules.Entries
                    .Select(e => (Peer: e.Peer ?? DatapathLimits.AnyPeer, Protocol: Protocol(e.Protocol), e.FromPort, e.ToPort, Rule: indexes.Rule(e.Rule)))
                    .Concat(rules.Blocks.SelectMany(b => blocks.IdentitiesIn(b.Block)
                        .Select(peer => (Peer: peer, Protocol: Protocol(b.Protocol), b.FromPort, b.ToPort, Rule: indexes.Rule(b.Rule)))));
                foreach (var group in byPeer.GroupBy(e => (e.Peer, e.Protocol)))
                {
                    var ranges = group.Select(e => (e.FromPort, e.ToPort, e.Rule)).ToList();
                    foreach (var (from, to, rule) in PortSegments.Flatten(ranges))
                    {
                        var value = new PolicyValue { Rule = (uint)rule, Policy = (uint)indexes.Policy(set.Rules[rule].Policy) };
                        foreach (var block in PortBlock.Cover(from, to))
                        {
                            policyKeys.Add(PolicyKey.Create(identity.Number, (byte)direction, group.Key.Peer, group.Key.Protocol, block));
                            policyValues.Add(value);
                        }
                    }
                }
            }
        }

        return new DatapathImage(
            new MapImage<IpcacheKey, uint>(ipcache, ipcacheValues),
            SubjectImage(subjects),
            new MapImage<IsolationKey, uint>([.. isolatedKeys], [.. isolatedValues]),
            new MapImage<PolicyKey, PolicyValue>([.. policyKeys], [.. policyValues]),
            set.Rules.Length,
            set.Policies.Length);
    }

    private static byte Protocol(Protocol? protocol) => (byte?)protocol ?? DatapathLimits.AnyProtocol;

    private static MapImage<SubjectKey, uint> SubjectImage(IReadOnlyList<SubjectEntry> subjects)
    {
        var entries = subjects.SelectMany(s => s.Identities.Distinct()
            .Select(identity => (Key: new SubjectKey { Cgroup = s.Cgroup, Identity = identity }, Value: identity))
            .Prepend((Key: new SubjectKey { Cgroup = s.Cgroup, Identity = SubjectKey.Primary }, Value: s.Identity))).ToList();
        return new MapImage<SubjectKey, uint>([.. entries.Select(e => e.Key)], [.. entries.Select(e => e.Value)]);
    }
}
