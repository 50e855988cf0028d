using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Addressing;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// The ipBlock rules of one side as the datapath matches them. Every cidr and except of the side
/// becomes a prefix of its own in ztap_blocks; the longest one containing a peer's address tells
/// which of the side's ipBlocks hold the address: those whose cidr contains that prefix and none
/// of whose excepts does, exactly "a in cidr and in no except". What they allow goes into the
/// policy map under the identity the ipcache gives the prefix itself, so a rule to 0.0.0.0/0 costs
/// a handful of entries however many identities lie inside it.
/// </summary>
internal static class SideBlocks
{
    /// <param name="peerOf">The ipcache identity of each prefix; every ipBlock cidr and except is one.</param>
    /// <param name="prefixes">Receives each prefix of the side with its policy-map peer, or <see cref="DatapathLimits.None"/> when nothing is allowed there.</param>
    /// <param name="allowed">Receives what the ipBlocks allow, keyed by those peers.</param>
    public static void Expand(
        ImmutableArray<BlockAllowEntry> blocks,
        IReadOnlyDictionary<IPNetwork, uint> peerOf,
        Func<BlockAllowEntry, int> ruleOf,
        List<(IPNetwork Prefix, uint Peer)> prefixes,
        List<AllowedRange> allowed)
    {
        var opening = new Dictionary<IPNetwork, List<int>>();
        var closing = new Dictionary<IPNetwork, List<int>>();
        for (var i = 0; i < blocks.Length; i++)
        {
            Add(opening, blocks[i].Block.Cidr, i);
            foreach (var except in blocks[i].Block.Except)
            {
                Add(closing, except, i);
            }
        }

        // Pre-order (family, first address, widest first): a prefix comes right after those containing it.
        var ordered = new List<(IPNetwork Prefix, bool IsV4, (UInt128 First, UInt128 Last) Range)>(opening.Count + closing.Count);
        foreach (var prefix in opening.Keys)
        {
            ordered.Add((prefix, AddressKey.IsV4(prefix.BaseAddress), AddressKey.Range(prefix)));
        }

        foreach (var prefix in closing.Keys)
        {
            if (!opening.ContainsKey(prefix))
            {
                ordered.Add((prefix, AddressKey.IsV4(prefix.BaseAddress), AddressKey.Range(prefix)));
            }
        }

        ordered.Sort(static (a, b) =>
        {
            var order = b.IsV4.CompareTo(a.IsV4);
            order = order != 0 ? order : a.Range.First.CompareTo(b.Range.First);
            return order != 0 ? order : b.Range.Last.CompareTo(a.Range.Last);
        });
        var inCidr = new bool[blocks.Length];
        var inExcepts = new int[blocks.Length];
        var enclosing = new Stack<(IPNetwork Prefix, bool IsV4, UInt128 Last)>();
        foreach (var (prefix, isV4, range) in ordered)
        {
            while (enclosing.Count > 0 && (enclosing.Peek().IsV4 != isV4 || enclosing.Peek().Last < range.First))
            {
                Step(enclosing.Pop().Prefix, -1);
            }

            Step(prefix, 1);
            enclosing.Push((prefix, isV4, range.Last));

            var peer = peerOf.TryGetValue(prefix, out var identity)
                ? identity
                : throw new InvalidOperationException($"the ipBlock prefix {prefix} has no ipcache entry");
            var any = false;
            for (var i = 0; i < blocks.Length; i++)
            {
                if (inCidr[i] && inExcepts[i] == 0)
                {
                    var block = blocks[i];
                    allowed.Add(new AllowedRange(peer, (byte?)block.Protocol ?? DatapathLimits.AnyProtocol, block.FromPort, block.ToPort, ruleOf(block)));
                    any = true;
                }
            }

            prefixes.Add((prefix, any ? peer : DatapathLimits.None));
        }

        void Step(IPNetwork prefix, int direction)
        {
            if (opening.TryGetValue(prefix, out var opened))
            {
                foreach (var i in opened)
                {
                    inCidr[i] = direction > 0;
                }
            }

            if (closing.TryGetValue(prefix, out var closed))
            {
                foreach (var i in closed)
                {
                    inExcepts[i] += direction;
                }
            }
        }
    }

    private static void Add(Dictionary<IPNetwork, List<int>> index, IPNetwork prefix, int block)
    {
        if (!index.TryGetValue(prefix, out var list))
        {
            list = [];
            index.Add(prefix, list);
        }

        list.Add(block);
    }
}
