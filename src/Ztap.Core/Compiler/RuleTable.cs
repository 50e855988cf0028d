using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Ztap.Core.Compiler;

/// <summary>
/// What one workload group may do in one direction: the policies isolating it; keyed by peer
/// identity and protocol, the ports its selector rules allow ("any peer" and "any protocol" are keys
/// of their own, so that is at most four lookups); and the ipBlocks its rules allow, matched on the
/// peer's innermost CIDR cell.
/// </summary>
internal sealed class RuleTable(ImmutableArray<int> isolatingPolicies, FrozenDictionary<long, PortAllowList> allowed, BlockAllow[] blocks)
{
    public const int AnyPeer = -1;
    public const byte AnyProtocol = 0;

    public ImmutableArray<int> IsolatingPolicies { get; } = isolatingPolicies;

    public FrozenDictionary<long, PortAllowList> Allowed { get; } = allowed;

    public ImmutableArray<BlockAllow> Blocks { get; } = [.. blocks];

    public static long Key(int peer, byte protocol) => ((long)(peer + 1) << 8) | protocol;

    public static (int Peer, byte Protocol) Split(long key) => ((int)(key >> 8) - 1, (byte)(key & 0xff));

    public bool Allows(int peer, int peerCell, byte protocol, int port)
    {
        if (Allows(Key(peer, protocol), port) || Allows(Key(peer, AnyProtocol), port)
            || Allows(Key(AnyPeer, protocol), port) || Allows(Key(AnyPeer, AnyProtocol), port))
        {
            return true;
        }

        foreach (var block in Blocks.AsSpan())
        {
            if (block.Matches(peerCell, protocol, port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowest-numbered rule allowing the flow, or -1 when none does.</summary>
    public int FirstRule(int peer, int peerCell, byte protocol, int port)
    {
        var first = Math.Min(
            Math.Min(FirstRule(Key(peer, protocol), port), FirstRule(Key(peer, AnyProtocol), port)),
            Math.Min(FirstRule(Key(AnyPeer, protocol), port), FirstRule(Key(AnyPeer, AnyProtocol), port)));
        foreach (var block in Blocks.AsSpan())
        {
            if (block.Matches(peerCell, protocol, port))
            {
                first = Math.Min(first, block.Rule);
            }
        }

        return first == int.MaxValue ? -1 : first;
    }

    private bool Allows(long key, int port) => Allowed.TryGetValue(key, out var list) && list.Allows(port);

    private int FirstRule(long key, int port) => Allowed.TryGetValue(key, out var list) ? list.FirstRule(port) : int.MaxValue;
}
