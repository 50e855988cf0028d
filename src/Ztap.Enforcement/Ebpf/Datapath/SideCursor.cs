using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Reads an earlier image side by side in key order, handing the entries of each side a new
/// version keeps to that version's builder instead of building them again.
/// </summary>
internal sealed class SideCursor<TKey, TValue>(MapImage<TKey, TValue> earlier)
    where TKey : unmanaged, IMapKey<TKey>, ISideKey
    where TValue : unmanaged
{
    private int _at;

    /// <summary>Adds the side's entries to the builder; sides are asked for in key order.</summary>
    public void CopySide(ulong side, MapBuilder<TKey, TValue> into)
    {
        var keys = earlier.Keys;
        while (_at < keys.Length && keys[_at].Side < side)
        {
            _at++;
        }

        var start = _at;
        while (_at < keys.Length && keys[_at].Side == side)
        {
            _at++;
        }

        into.AddRange(keys.AsSpan(start, _at - start), earlier.Values.AsSpan(start, _at - start));
    }
}
