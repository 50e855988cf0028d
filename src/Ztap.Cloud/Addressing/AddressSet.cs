using System.Net;

namespace Ztap.Cloud.Addressing;

/// <summary>
/// A set of addresses as sorted, disjoint, non-adjacent ranges (IPv4 before IPv6), so that unions
/// and differences stay exact and the CIDR cover of the result is as small as it can be.
/// </summary>
internal sealed class AddressSet
{
    public static AddressSet Empty { get; } = new([]);

    private AddressSet(List<AddressRange> ranges) => Ranges = ranges;

    public IReadOnlyList<AddressRange> Ranges { get; }

    public bool IsEmpty => Ranges.Count == 0;

    public static AddressSet Of(IEnumerable<AddressRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.IsV4 ? 0 : 1).ThenBy(r => r.First).ToList();
        var merged = new List<AddressRange>(sorted.Count);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && merged[^1].IsV4 == range.IsV4
                && (merged[^1].Last == UInt128.MaxValue || merged[^1].Last + 1 >= range.First))
            {
                var last = merged[^1];
                merged[^1] = last with { Last = UInt128.Max(last.Last, range.Last) };
                continue;
            }

            merged.Add(range);
        }

        return new AddressSet(merged);
    }

    public static AddressSet Union(IEnumerable<AddressSet> sets) => Of(sets.SelectMany(s => s.Ranges));

    /// <summary>The addresses of this set that are not in <paramref name="other"/>.</summary>
    public AddressSet Except(AddressSet other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        var result = new List<AddressRange>();
        var cuts = other.Ranges;
        var first = 0;
        foreach (var range in Ranges)
        {
            // Both lists are sorted, so cuts wholly before this range are before every later one too.
            while (first < cuts.Count && Before(cuts[first], range))
            {
                first++;
            }

            var cursor = range.First;
            var open = true;
            for (var k = first; k < cuts.Count && cuts[k].IsV4 == range.IsV4 && cuts[k].First <= range.Last; k++)
            {
                if (cuts[k].First > cursor)
                {
                    result.Add(range with { First = cursor, Last = cuts[k].First - 1 });
                }

                if (cuts[k].Last >= range.Last)
                {
                    open = false;
                    break;
                }

                cursor = UInt128.Max(cursor, cuts[k].Last + 1);
            }

            if (open)
            {
                result.Add(range with { First = cursor });
            }
        }

        return new AddressSet(result);
    }

    /// <summary>Whether every address of <paramref name="other"/> is in this set.</summary>
    public bool Covers(AddressSet other) => other.Except(this).IsEmpty;

    public IEnumerable<IPNetwork> ToCidrs() => Ranges.SelectMany(CidrCover.Of);

    private static bool Before(AddressRange cut, AddressRange range) =>
        cut.IsV4 && !range.IsV4 || (cut.IsV4 == range.IsV4 && cut.Last < range.First);
}
