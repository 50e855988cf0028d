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
internal sealed class SideBlocks
{
    // Scratch kept from side to side: a large estate has thousands of sides with ipBlocks, and
    // fresh collections for each were a fifth of what imaging allocated.
    private readonly Dictionary<IPNetwork, int> _slotOf = [];
    private readonly List<Slot> _slots = [];
    private readonly List<(int Slot, int Block, bool Closing)> _marks = [];
    private readonly Stack<(bool IsV4, UInt128 Last, int FirstMark, int MarkCount)> _enclosing = new();
    private bool[] _inCidr = [];
    private int[] _inExcepts = [];

    /// <param name="ipcache">The identity of each prefix; every ipBlock cidr and except is one.</param>
    /// <param name="prefixes">Receives each prefix of the side with its policy-map peer, or <see cref="DatapathLimits.None"/> when nothing is allowed there.</param>
    /// <param name="allowed">Receives what the ipBlocks allow, keyed by those peers.</param>
    public void Expand(
        ImmutableArray<BlockAllowEntry> blocks,
        MapImage<IpcacheKey, uint> ipcache,
        List<(IPNetwork Prefix, uint Peer)> prefixes,
        List<AllowedRange> allowed)
    {
        Index(blocks);
        if (_inCidr.Length < blocks.Length)
        {
            (_inCidr, _inExcepts) = (new bool[blocks.Length], new int[blocks.Length]);
        }

        Array.Clear(_inCidr, 0, blocks.Length);
        Array.Clear(_inExcepts, 0, blocks.Length);
        _enclosing.Clear();
        foreach (var slot in _slots)
        {
            while (_enclosing.Count > 0 && (_enclosing.Peek().IsV4 != slot.IsV4 || _enclosing.Peek().Last < slot.First))
            {
                var left = _enclosing.Pop();
                Step(left.FirstMark, left.MarkCount, -1);
            }

            Step(slot.FirstMark, slot.MarkCount, 1);
            _enclosing.Push((slot.IsV4, slot.Last, slot.FirstMark, slot.MarkCount));

            var peer = ipcache.TryGetValue(IpcacheKey.From(slot.Prefix), out var identity)
                ? identity
                : throw new InvalidOperationException($"the ipBlock prefix {slot.Prefix} has no ipcache entry");
            var any = false;
            for (var i = 0; i < blocks.Length; i++)
            {
                if (_inCidr[i] && _inExcepts[i] == 0)
                {
                    var block = blocks[i];
                    var rule = PolicyValue.Of(block.PolicyNumber, block.PolicyRank, block.Rule.RuleIndex);
                    allowed.Add(new AllowedRange(peer, (byte?)block.Protocol ?? DatapathLimits.AnyProtocol, block.FromPort, block.ToPort, rule));
                    any = true;
                }
            }

            prefixes.Add((slot.Prefix, any ? peer : DatapathLimits.None));
        }
    }

    /// <summary>
    /// One slot per distinct cidr or except with the marks (blocks it opens or closes) grouped
    /// under it, in pre-order (family, first address, widest first): a prefix comes right after
    /// those containing it.
    /// </summary>
    private void Index(ImmutableArray<BlockAllowEntry> blocks)
    {
        _slotOf.Clear();
        _slots.Clear();
        _marks.Clear();
        for (var i = 0; i < blocks.Length; i++)
        {
            _marks.Add((SlotOf(blocks[i].Block.Cidr), i, false));
            foreach (var except in blocks[i].Block.Except)
            {
                _marks.Add((SlotOf(except), i, true));
            }
        }

        _marks.Sort(static (a, b) => a.Slot.CompareTo(b.Slot));
        for (var start = 0; start < _marks.Count;)
        {
            var end = start;
            while (end < _marks.Count && _marks[end].Slot == _marks[start].Slot)
            {
                end++;
            }

            _slots[_marks[start].Slot] = _slots[_marks[start].Slot] with { FirstMark = start, MarkCount = end - start };
            start = end;
        }

        _slots.Sort(static (a, b) =>
        {
            var order = b.IsV4.CompareTo(a.IsV4);
            order = order != 0 ? order : a.First.CompareTo(b.First);
            return order != 0 ? order : b.Last.CompareTo(a.Last);
        });
    }

    private int SlotOf(IPNetwork prefix)
    {
        if (!_slotOf.TryGetValue(prefix, out var slot))
        {
            slot = _slots.Count;
            _slotOf.Add(prefix, slot);
            var (first, last) = AddressKey.Range(prefix);
            _slots.Add(new Slot(prefix, AddressKey.IsV4(prefix.BaseAddress), first, last, 0, 0));
        }

        return slot;
    }

    private void Step(int firstMark, int markCount, int direction)
    {
        for (var m = firstMark; m < firstMark + markCount; m++)
        {
            var (_, block, closing) = _marks[m];
            if (closing)
            {
                _inExcepts[block] += direction;
            }
            else
            {
                _inCidr[block] = direction > 0;
            }
        }
    }

    private readonly record struct Slot(IPNetwork Prefix, bool IsV4, UInt128 First, UInt128 Last, int FirstMark, int MarkCount);
}
