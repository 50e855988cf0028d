using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Writes sides (an identity's rules in one direction) into the maps that hold them: whether and
/// by which policy it is isolated, its ipBlock prefixes, and the allowed entries keyed by peer,
/// protocol and port block. Sides are written in key order, so the maps come out sorted.
/// </summary>
/// <param name="ipcache">The identity of each prefix, which sides with ipBlocks look theirs up in.</param>
internal sealed class SideImager(MapImage<IpcacheKey, uint> ipcache)
{
    // Scratch kept from side to side.
    private readonly List<AllowedRange> _side = [];
    private readonly List<(IPNetwork Prefix, uint Peer)> _sidePrefixes = [];
    private readonly SideBlocks _sideBlocks = new();
    private readonly List<(int From, int To, PolicyValue Rule)> _ranges = [];

    public MapBuilder<IsolationKey, Isolation> Isolated { get; } = new();

    public MapBuilder<BlockKey, uint> Blocks { get; } = new();

    public MapBuilder<PolicyKey, PolicyValue> Policy { get; } = new();

    public void Add(uint identity, Direction direction, SubjectRules rules)
    {
        if (!rules.Isolated)
        {
            return;
        }

        _side.Clear();
        var flags = 0u;
        foreach (var entry in rules.Entries)
        {
            var rule = PolicyValue.Of(entry.PolicyNumber, entry.PolicyRank, entry.Rule.RuleIndex);
            _side.Add(new AllowedRange(entry.Peer ?? DatapathLimits.AnyPeer, Protocol(entry.Protocol), entry.FromPort, entry.ToPort, rule));
            flags |= entry.Peer is null ? Isolation.AnyPeer : Isolation.Peers;
        }

        if (!rules.Blocks.IsEmpty)
        {
            flags |= Isolation.Blocks;
            _sidePrefixes.Clear();
            _sideBlocks.Expand(rules.Blocks, ipcache, _sidePrefixes, _side);
            foreach (var (prefix, peer) in _sidePrefixes)
            {
                Blocks.Add(BlockKey.Create(identity, (byte)direction, prefix), peer);
            }
        }

        Isolated.Add(
            new IsolationKey { Identity = identity, Direction = (uint)direction },
            new Isolation { Policy = (uint)rules.IsolatingNumbers[0], Flags = flags });
        AddPolicyEntries(identity, (byte)direction);
    }

    private static byte Protocol(Protocol? protocol) => (byte?)protocol ?? DatapathLimits.AnyProtocol;

    // Ranges of one peer and protocol are flattened together: the lookup for that key answers for all of them.
    private void AddPolicyEntries(uint subject, byte direction)
    {
        _side.Sort(static (a, b) => a.Peer != b.Peer ? a.Peer.CompareTo(b.Peer) : a.Protocol.CompareTo(b.Protocol));
        for (var start = 0; start < _side.Count;)
        {
            var (peer, protocol) = (_side[start].Peer, _side[start].Protocol);
            _ranges.Clear();
            var end = start;
            for (; end < _side.Count && _side[end].Peer == peer && _side[end].Protocol == protocol; end++)
            {
                _ranges.Add((_side[end].From, _side[end].To, _side[end].Rule));
            }

            foreach (var (from, to, value) in _ranges.Count == 1 ? _ranges : PortSegments.Flatten(_ranges))
            {
                if (from == to)
                {
                    // One port, the usual case, needs no walk over blocks.
                    Policy.Add(PolicyKey.Create(subject, direction, peer, protocol, new PortBlock((ushort)from, 16)), value);
                    continue;
                }

                foreach (var block in PortBlock.Cover(from, to))
                {
                    Policy.Add(PolicyKey.Create(subject, direction, peer, protocol, block), value);
                }
            }

            start = end;
        }
    }
}
