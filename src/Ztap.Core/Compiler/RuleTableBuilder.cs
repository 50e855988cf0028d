using System.Runtime.InteropServices;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Accumulates a group's isolating policies and allowed entries for one direction while policies
/// are compiled. Entries go into one flat list, sorted once at the end, rather than a list per key.
/// </summary>
internal sealed class RuleTableBuilder
{
    // Past this many distinct entries in one rule, repeats are found with a hash set instead of a scan.
    private const int ScanLimit = 16;

    private readonly List<int> _isolating = [];
    private readonly List<Pending> _allowed = [];
    private List<BlockAllow>? _blocks;

    /// <summary>Records that the policy of a rank isolates this group; policies arrive in order, so a repeat is the last one added.</summary>
    public void Isolate(int rank)
    {
        if (_isolating.Count == 0 || _isolating[^1] != rank)
        {
            _isolating.Add(rank);
        }
    }

    public void Allow(int peer, byte protocol, int from, int to, RuleKey rule) =>
        _allowed.Add(new Pending(RuleTable.Key(peer, protocol), from, to, rule));

    public void AllowBlock(BlockAllow block) => (_blocks ??= []).Add(block);

    public RuleTable Build()
    {
        // By key, then range, then rule: the same range from several rules keeps the first rule,
        // which is the one explanations name.
        var pending = CollectionsMarshal.AsSpan(_allowed);
        pending.Sort();
        var keyCount = 0;
        var portCount = 0;
        for (var i = 0; i < pending.Length; i++)
        {
            if (i == 0 || pending[i].Key != pending[i - 1].Key)
            {
                keyCount++;
                portCount++;
            }
            else if (pending[i].From != pending[i - 1].From || pending[i].To != pending[i - 1].To)
            {
                portCount++;
            }
        }

        var keys = new long[keyCount];
        var starts = new int[keyCount + 1];
        var ports = new PortAllow[portCount];
        var k = -1;
        var p = -1;
        for (var i = 0; i < pending.Length; i++)
        {
            var entry = pending[i];
            if (i == 0 || entry.Key != pending[i - 1].Key)
            {
                keys[++k] = entry.Key;
                starts[k] = p + 1;
            }
            else if (entry.From == pending[i - 1].From && entry.To == pending[i - 1].To)
            {
                continue;
            }

            ports[++p] = new PortAllow(entry.From, entry.To, entry.Rule);
        }

        starts[keyCount] = portCount;
        var blocks = _blocks?.ToArray() ?? [];
        return new RuleTable([.. _isolating], keys, starts, ports, blocks, DistinctBlocks(blocks));
    }

    /// <summary>
    /// The positions of the blocks that differ in ipBlock, protocol, ports or rule from every earlier
    /// one: an ipBlock with excepts is several cell ranges, but one entry for a backend. A rule's
    /// blocks arrive together, so repeats are only looked for among those of the same rule.
    /// </summary>
    private static int[] DistinctBlocks(BlockAllow[] blocks)
    {
        if (blocks.Length == 0)
        {
            return [];
        }

        var distinct = new List<int>(blocks.Length);
        var runStart = 0;
        HashSet<(IpBlock, byte, int, int)>? seen = null;
        for (var i = 0; i < blocks.Length; i++)
        {
            var block = blocks[i];
            if (distinct.Count == 0 || blocks[distinct[^1]].Rule != block.Rule)
            {
                runStart = distinct.Count;
                seen = null;
            }
            else if (IsRepeat(blocks, distinct, runStart, ref seen, block))
            {
                continue;
            }

            distinct.Add(i);
        }

        return [.. distinct];
    }

    private static bool IsRepeat(BlockAllow[] blocks, List<int> distinct, int runStart, ref HashSet<(IpBlock, byte, int, int)>? seen, BlockAllow block)
    {
        var key = (block.Block, block.Protocol, block.From, block.To);
        if (seen is null && distinct.Count - runStart <= ScanLimit)
        {
            for (var d = runStart; d < distinct.Count; d++)
            {
                var earlier = blocks[distinct[d]];
                if ((earlier.Block, earlier.Protocol, earlier.From, earlier.To).Equals(key))
                {
                    return true;
                }
            }

            return false;
        }

        if (seen is null)
        {
            seen = [];
            for (var d = runStart; d < distinct.Count; d++)
            {
                var earlier = blocks[distinct[d]];
                seen.Add((earlier.Block, earlier.Protocol, earlier.From, earlier.To));
            }
        }

        return !seen.Add(key);
    }

    private readonly record struct Pending(long Key, int From, int To, RuleKey Rule) : IComparable<Pending>
    {
        public int CompareTo(Pending other)
        {
            var order = Key.CompareTo(other.Key);
            order = order != 0 ? order : From.CompareTo(other.From);
            order = order != 0 ? order : To.CompareTo(other.To);
            return order != 0 ? order : Rule.CompareTo(other.Rule);
        }
    }
}
