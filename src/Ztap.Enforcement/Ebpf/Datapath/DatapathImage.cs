using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Everything one policy version installs in a slot: the ipcache (address to identity), the
/// subjects (attached cgroup to identity), the isolated identities, the ipBlock prefixes of each
/// side and the allowed entries. Computed from the <see cref="PolicySet"/> alone, apart from the
/// kernel that receives it.
/// </summary>
internal sealed class DatapathImage
{
    // Derived from the set's identities, prefixes and rule positions, which an edit keeps: handed on to the image of an edit.
    private readonly Identity[] _byNumber;
    private readonly Lazy<Dictionary<IPNetwork, uint>> _peerOf;
    private readonly Lazy<SetIndexes> _indexes;

    private DatapathImage(
        PolicySet set,
        Identity[] byNumber,
        Lazy<Dictionary<IPNetwork, uint>> peerOf,
        Lazy<SetIndexes> indexes,
        MapImage<IpcacheKey, uint> ipcache,
        MapImage<SubjectKey, uint> subjects,
        MapImage<IsolationKey, Isolation> isolated,
        MapImage<BlockKey, uint> blocks,
        MapImage<PolicyKey, PolicyValue> policy,
        int[] rulePolicies,
        int policies)
    {
        Set = set;
        _byNumber = byNumber;
        _peerOf = peerOf;
        _indexes = indexes;
        Ipcache = ipcache;
        Subjects = subjects;
        Isolated = isolated;
        Blocks = blocks;
        Policy = policy;
        RulePolicies = rulePolicies;
        PolicyCount = policies;
    }

    /// <summary>The set the image was built from.</summary>
    public PolicySet Set { get; }

    public MapImage<IpcacheKey, uint> Ipcache { get; }

    public MapImage<SubjectKey, uint> Subjects { get; }

    public MapImage<IsolationKey, Isolation> Isolated { get; }

    public MapImage<BlockKey, uint> Blocks { get; }

    public MapImage<PolicyKey, PolicyValue> Policy { get; }

    /// <summary>How many rule counters the version uses (allows are counted per rule).</summary>
    public int RuleCount => RulePolicies.Length;

    /// <summary>The policy index of each rule, which turns rule counters into policy counters.</summary>
    public int[] RulePolicies { get; }

    /// <summary>How many policy counters the version uses (denials are counted per isolating policy).</summary>
    public int PolicyCount { get; }

    /// <param name="earlier">
    /// An image built before, whose sides are taken over where <paramref name="set"/> is an edit of
    /// its set that kept them (<see cref="PolicySet.KeepsRules"/>): an edit rebuilds only what it touched.
    /// </param>
    public static DatapathImage Build(PolicySet set, IReadOnlyList<SubjectEntry> subjects, DatapathImage? earlier = null)
    {
        var kept = earlier is not null && set.IsEditOf(earlier.Set) ? earlier : null;

        // An edit has the identities, prefixes and rule positions of the set it edits.
        var byNumber = kept?._byNumber ?? [.. set.Identities.OrderBy(i => i.Number)];
        var ipcache = kept?.Ipcache ?? IpcacheImage(set.Prefixes);
        var peerOf = kept?._peerOf ?? new Lazy<Dictionary<IPNetwork, uint>>(() => PeerOf(set.Prefixes));
        var indexes = kept is null
            ? new Lazy<SetIndexes>(() => new SetIndexes(set))
            : new Lazy<SetIndexes>(() => kept._indexes.Value.Edited(kept.Set, set));
        var rulePolicies = kept?.RulePolicies ?? PolicyOfEachRule(set, indexes.Value);

        var ruleOfBlock = (BlockAllowEntry block) => indexes.Value.Rule(block.Rule);
        var isolated = new MapBuilder<IsolationKey, Isolation>(kept?.Isolated.Count ?? 0);
        var blocks = new MapBuilder<BlockKey, uint>(kept?.Blocks.Count ?? 0);
        var policy = new MapBuilder<PolicyKey, PolicyValue>(kept?.Policy.Count ?? 0);
        var keptIsolated = kept is null ? null : new SideCursor<IsolationKey, Isolation>(kept.Isolated);
        var keptBlocks = kept is null ? null : new SideCursor<BlockKey, uint>(kept.Blocks);
        var keptPolicy = kept is null ? null : new SideCursor<PolicyKey, PolicyValue>(kept.Policy);
        var side = new List<AllowedRange>();
        var sidePrefixes = new List<(IPNetwork Prefix, uint Peer)>();
        var sideBlocks = new SideBlocks();
        var ranges = new List<(int From, int To, int Rule)>();

        // In number order, the order of the keys, so the images come out sorted.
        foreach (var identity in byNumber)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (kept is not null && set.KeepsRules(kept.Set, identity, direction))
                {
                    var packed = ISideKey.Pack(identity.Number, (byte)direction);
                    keptIsolated!.CopySide(packed, isolated);
                    keptBlocks!.CopySide(packed, blocks);
                    keptPolicy!.CopySide(packed, policy);
                    continue;
                }

                var rules = set.RulesOf(identity, direction);
                if (!rules.Isolated)
                {
                    continue;
                }

                side.Clear();
                var flags = 0u;
                foreach (var entry in rules.Entries)
                {
                    side.Add(new AllowedRange(entry.Peer ?? DatapathLimits.AnyPeer, Protocol(entry.Protocol), entry.FromPort, entry.ToPort, indexes.Value.Rule(entry.Rule)));
                    flags |= entry.Peer is null ? Isolation.AnyPeer : Isolation.Peers;
                }

                if (!rules.Blocks.IsEmpty)
                {
                    flags |= Isolation.Blocks;
                    sidePrefixes.Clear();
                    sideBlocks.Expand(rules.Blocks, peerOf.Value, ruleOfBlock, sidePrefixes, side);
                    foreach (var (prefix, peer) in sidePrefixes)
                    {
                        blocks.Add(BlockKey.Create(identity.Number, (byte)direction, prefix), peer);
                    }
                }

                isolated.Add(
                    new IsolationKey { Identity = identity.Number, Direction = (uint)direction },
                    new Isolation { Policy = (uint)indexes.Value.Policy(rules.IsolatingPolicies[0]), Flags = flags });
                AddPolicyEntries(rulePolicies, identity.Number, (byte)direction, side, ranges, policy);
            }
        }

        return new DatapathImage(
            set,
            byNumber,
            peerOf,
            indexes,
            ipcache,
            SubjectImage(subjects),
            isolated.Build(),
            blocks.Build(),
            policy.Build(),
            rulePolicies,
            set.Policies.Length);
    }

    private static MapImage<IpcacheKey, uint> IpcacheImage(ImmutableArray<PrefixEntry> prefixes)
    {
        var keys = new IpcacheKey[prefixes.Length];
        var values = new uint[prefixes.Length];
        for (var i = 0; i < prefixes.Length; i++)
        {
            keys[i] = IpcacheKey.From(prefixes[i].Prefix);
            values[i] = prefixes[i].Identity;
        }

        return new MapImage<IpcacheKey, uint>(keys, values);
    }

    private static Dictionary<IPNetwork, uint> PeerOf(ImmutableArray<PrefixEntry> prefixes)
    {
        var peerOf = new Dictionary<IPNetwork, uint>(prefixes.Length);
        foreach (var prefix in prefixes)
        {
            peerOf.TryAdd(prefix.Prefix, prefix.Identity);
        }

        return peerOf;
    }

    private static int[] PolicyOfEachRule(PolicySet set, SetIndexes indexes)
    {
        var rulePolicies = new int[set.Rules.Length];
        for (var rule = 0; rule < rulePolicies.Length; rule++)
        {
            rulePolicies[rule] = indexes.Policy(set.Rules[rule].Policy);
        }

        return rulePolicies;
    }

    // Ranges of one peer and protocol are flattened together: the lookup for that key answers for all of them.
    private static void AddPolicyEntries(
        int[] rulePolicies, uint subject, byte direction, List<AllowedRange> side, List<(int From, int To, int Rule)> ranges, MapBuilder<PolicyKey, PolicyValue> policy)
    {
        side.Sort(static (a, b) => a.Peer != b.Peer ? a.Peer.CompareTo(b.Peer) : a.Protocol.CompareTo(b.Protocol));
        for (var start = 0; start < side.Count;)
        {
            var (peer, protocol) = (side[start].Peer, side[start].Protocol);
            ranges.Clear();
            var end = start;
            for (; end < side.Count && side[end].Peer == peer && side[end].Protocol == protocol; end++)
            {
                ranges.Add((side[end].From, side[end].To, side[end].Rule));
            }

            foreach (var (from, to, rule) in ranges.Count == 1 ? ranges : PortSegments.Flatten(ranges))
            {
                var value = new PolicyValue { Rule = (uint)rule, Policy = (uint)rulePolicies[rule] };
                if (from == to)
                {
                    // One port, the usual case, needs no walk over blocks.
                    policy.Add(PolicyKey.Create(subject, direction, peer, protocol, new PortBlock((ushort)from, 16)), value);
                    continue;
                }

                foreach (var block in PortBlock.Cover(from, to))
                {
                    policy.Add(PolicyKey.Create(subject, direction, peer, protocol, block), value);
                }
            }

            start = end;
        }
    }

    private static byte Protocol(Protocol? protocol) => (byte?)protocol ?? DatapathLimits.AnyProtocol;

    private static MapImage<SubjectKey, uint> SubjectImage(IReadOnlyList<SubjectEntry> subjects)
    {
        var entries = new MapBuilder<SubjectKey, uint>();
        foreach (var subject in subjects)
        {
            entries.Add(new SubjectKey { Cgroup = subject.Cgroup, Identity = SubjectKey.Primary }, subject.Identity);
            foreach (var identity in subject.Identities.Distinct())
            {
                entries.Add(new SubjectKey { Cgroup = subject.Cgroup, Identity = identity }, identity);
            }
        }

        return entries.Build();
    }
}
