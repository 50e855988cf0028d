using Ztap.Core.Addressing;
using Ztap.Core.Compiler;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// The longest-prefix table flattened into disjoint address ranges, each with the identity its
/// addresses have. nftables' interval sets hold disjoint ranges and know nothing of "longest
/// prefix wins", so an identity becomes the ranges where it is the longest match.
/// </summary>
internal sealed class AddressSegments
{
    private readonly Dictionary<(uint Identity, bool IsV4), List<AddressRange>> _ranges = [];

    public AddressSegments(PolicySet set)
    {
        foreach (var family in new[] { true, false })
        {
            Flatten(family, set.Prefixes.Where(p => AddressKey.IsV4(p.Prefix.BaseAddress) == family));
        }
    }

    /// <summary>The ranges whose addresses have the identity, in address order.</summary>
    public IReadOnlyList<AddressRange> Of(uint identity, bool isV4) =>
        _ranges.TryGetValue((identity, isV4), out var ranges) ? ranges : [];

    // The prefixes come sorted by first address, a prefix before those inside it; a stack holds the
    // prefixes the sweep is inside, and each address belongs to the innermost of them.
    private void Flatten(bool isV4, IEnumerable<PrefixEntry> prefixes)
    {
        var open = new Stack<(UInt128 Last, uint Identity)>();
        UInt128? cursor = 0;
        foreach (var prefix in prefixes)
        {
            var (first, last) = AddressKey.Range(prefix.Prefix);
            while (open.Count > 0 && open.Peek().Last < first)
            {
                var closed = open.Pop();
                cursor = Emit(isV4, cursor, closed.Last, closed.Identity);
            }

            if (cursor is { } start && start < first)
            {
                Emit(isV4, start, first - 1, open.Count > 0 ? open.Peek().Identity : Identity.WorldNumber);
            }

            open.Push((last, prefix.Identity));
            cursor = first;
        }

        while (open.Count > 0)
        {
            var closed = open.Pop();
            cursor = Emit(isV4, cursor, closed.Last, closed.Identity);
        }

        Emit(isV4, cursor, AddressRange.MaxOf(isV4), Identity.WorldNumber);
    }

    /// <summary>Adds [cursor, last] when not empty and returns the address after it, or null past the end.</summary>
    private UInt128? Emit(bool isV4, UInt128? cursor, UInt128 last, uint identity)
    {
        if (cursor is not { } first || first > last)
        {
            return cursor;
        }

        if (!_ranges.TryGetValue((identity, isV4), out var ranges))
        {
            _ranges[(identity, isV4)] = ranges = [];
        }

        if (ranges.Count > 0 && ranges[^1].Last + 1 == first)
        {
            ranges[^1] = ranges[^1] with { Last = last };
        }
        else
        {
            ranges.Add(new AddressRange(isV4, first, last));
        }

        return last == AddressRange.MaxOf(isV4) ? null : last + 1;
    }
}
