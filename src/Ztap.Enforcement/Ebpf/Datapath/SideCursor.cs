using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Walks an earlier image in key order while a new version's image is built from it: the runs of
/// entries between the sides the new version changed are copied over whole, and the changed
/// sides' own entries are left behind for the new ones.
/// </summary>
internal sealed class SideCursor<TKey, TValue>(MapImage<TKey, TValue> earlier)
    where TKey : unmanaged, IMapKey<TKey>, ISideKey
    where TValue : unmanaged
{
    private int _at;

    /// <summary>Copies every entry of an earlier side into the builder and skips the side's own; sides come in key order.</summary>
    public void CopyBefore(ulong side, MapBuilder<TKey, TValue> into)
    {
        var start = FirstAtOrAfter(side, _at);
        Copy(_at, start, into);
        _at = FirstAtOrAfter(side + 1, start);
    }

    /// <summary>Copies every entry left.</summary>
    public void CopyRest(MapBuilder<TKey, TValue> into)
    {
        Copy(_at, earlier.Count, into);
        _at = earlier.Count;
    }

    private void Copy(int from, int to, MapBuilder<TKey, TValue> into) =>
        into.AddRange(earlier.Keys.AsSpan(from, to - from), earlier.Values.AsSpan(from, to - from));

    // Keys sort by side first, so the sides are in order too.
    private int FirstAtOrAfter(ulong side, int from)
    {
        var (low, high) = (from, earlier.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (earlier.Keys[middle].Side < side)
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
