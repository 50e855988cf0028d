using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// An earlier image with the entries of some sides replaced, built in one pass into the arrays of
/// a retired image when they are large enough (<see cref="RetiredArrays"/>): the runs of entries
/// between replaced sides are copied over whole. Grown through a list, the map would be copied
/// into fresh arrays twice, and first touching fresh memory is most of what imaging an edit costs
/// where page faults are dear (about 20 µs each on a VM without PCID).
/// </summary>
internal static class SideReplacement
{
    /// <param name="sides">The replaced sides, in key order.</param>
    /// <param name="replacements">The replaced sides' new entries, in key order; a side may have none.</param>
    public static MapImage<TKey, TValue> Apply<TKey, TValue>(
        MapImage<TKey, TValue> earlier, ReadOnlySpan<ulong> sides, MapImage<TKey, TValue> replacements, RetiredArrays retired)
        where TKey : unmanaged, IMapKey<TKey>, ISideKey
        where TValue : unmanaged
    {
        // Where each replaced side's earlier entries are, to size the image before filling it.
        var runs = new (int Start, int End)[sides.Length];
        var removed = 0;
        for (var (s, at) = (0, 0); s < sides.Length; s++)
        {
            var start = FirstAtOrAfter(earlier.Keys, sides[s], at);
            at = FirstAtOrAfter(earlier.Keys, sides[s] + 1, start);
            runs[s] = (start, at);
            removed += at - start;
        }

        var count = earlier.Count - removed + replacements.Count;
        var (keys, values) = retired.Take<TKey, TValue>(count);
        var (kept, added, written) = (0, 0, 0);
        for (var s = 0; s < sides.Length; s++)
        {
            Copy(earlier, kept, runs[s].Start, keys, values, ref written);
            kept = runs[s].End;
            var end = FirstAtOrAfter(replacements.Keys, sides[s] + 1, added);
            Copy(replacements, added, end, keys, values, ref written);
            added = end;
        }

        Copy(earlier, kept, earlier.Count, keys, values, ref written);
        return new MapImage<TKey, TValue>(keys, values, count);
    }

    private static void Copy<TKey, TValue>(MapImage<TKey, TValue> from, int start, int end, TKey[] keys, TValue[] values, ref int written)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        from.Keys[start..end].CopyTo(keys.AsSpan(written));
        from.Values[start..end].CopyTo(values.AsSpan(written));
        written += end - start;
    }

    // Keys sort by side first, so the sides are in order too.
    private static int FirstAtOrAfter<TKey>(ReadOnlySpan<TKey> keys, ulong side, int from)
        where TKey : unmanaged, ISideKey
    {
        var (low, high) = (from, keys.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (keys[middle].Side < side)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
