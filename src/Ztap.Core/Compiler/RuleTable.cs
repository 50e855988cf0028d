using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Ztap.Core.Compiler;

/// <summary>
/// What one workload group may do in one direction: the policies isolating it; keyed by peer
/// identity and protocol, the ports its selector rules allow ("any peer" and "any protocol" are keys
/// of their own, so that is at most four lookups); and the ipBlocks its rules allow, matched on the
/// peer's innermost CIDR cell. A group has few keys, so they are a sorted array: cheaper to build
/// than a hash table per group, and as quick to search. The port ranges of key <c>k</c> are
/// <c>ports[starts[k]..starts[k + 1]]</c>.
/// </summary>
internal sealed class RuleTable(ImmutableArray<int> isolatingPolicies, long[] keys, int[] starts, PortAllow[] ports, BlockAllow[] blocks, int[] distinctBlocks)
{
    public const int AnyPeer = -1;
    public const byte AnyProtocol = 0;

    // Up to this many keys a scan beats a binary search.
    private const int ScanLimit = 8;

    /// <summary>The ranks (<see cref="PolicyOrder"/>) of the policies isolating the group, in order.</summary>
    public ImmutableArray<int> IsolatingPolicies { get; } = isolatingPolicies;

    public ImmutableArray<BlockAllow> Blocks { get; } = ImmutableCollectionsMarshal.AsImmutableArray(blocks);

    /// <summary>The positions in <see cref="Blocks"/> of the first of each distinct ipBlock, protocol, port range and rule.</summary>
    public ReadOnlySpan<int> DistinctBlocks => distinctBlocks;

    /// <summary>How many (peer, protocol) keys have allowed ports.</summary>
    public int KeyCount => keys.Length;

    /// <summary>How many allowed port ranges the keys have in all.</summary>
    public int RangeCount => starts[keys.Length] - starts[0];

    public static long Key(int peer, byte protocol) => ((long)(peer + 1) << 8) | protocol;

    public static (int Peer, byte Protocol) Split(long key) => ((int)(key >> 8) - 1, (byte)(key & 0xff));

    /// <summary>The key at a position, in ascending order, with its allowed ports.</summary>
    public (long Key, PortAllowList Ports) Entry(int index) => (keys[index], new PortAllowList(ports, starts[index], starts[index + 1]));

    public bool Allows(int peer, int peerCell, byte protocol, int port)
    {
        if (Allows(Key(peer, protocol), port) || Allows(Key(peer, AnyProtocol), port)
            || Allows(Key(AnyPeer, protocol), port) || Allows(Key(AnyPeer, AnyProtocol), port))
        {
            return true;
        }

        foreach (ref readonly var block in Blocks.AsSpan())
        {
            if (block.Matches(peerCell, protocol, port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first rule allowing the flow, or <see cref="RuleKey.None"/> when none does.</summary>
    public RuleKey FirstRule(int peer, int peerCell, byte protocol, int port)
    {
        var first = RuleKey.Min(
            RuleKey.Min(FirstRule(Key(peer, protocol), port), FirstRule(Key(peer, AnyProtocol), port)),
            RuleKey.Min(FirstRule(Key(AnyPeer, protocol), port), FirstRule(Key(AnyPeer, AnyProtocol), port)));
        foreach (ref readonly var block in Blocks.AsSpan())
        {
            if (block.Matches(peerCell, protocol, port))
            {
                first = RuleKey.Min(first, block.Rule);
            }
        }

        return first;
    }

    private bool Allows(long key, int port)
    {
        var index = Find(key);
        return index >= 0 && new PortAllowList(ports, starts[index], starts[index + 1]).Allows(port);
    }

    private RuleKey FirstRule(long key, int port)
    {
        var index = Find(key);
        return index >= 0 ? new PortAllowList(ports, starts[index], starts[index + 1]).FirstRule(port) : RuleKey.None;
    }

    /// <summary>The position of the key, or -1 when it has no allowed ports.</summary>
    private int Find(long key)
    {
        if (keys.Length <= ScanLimit)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }

        var index = Array.BinarySearch(keys, key);
        return index >= 0 ? index : -1;
    }
}
