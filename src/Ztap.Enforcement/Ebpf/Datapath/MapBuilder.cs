using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>Collects the entries of one map, then hands them over as a sorted <see cref="MapImage{TKey, TValue}"/>.</summary>
/// <param name="capacity">
/// How many entries to make room for: an edit's image is about the size of the one it edits, and
/// when it is exactly that size the arrays become the image without a copy.
/// </param>
internal sealed class MapBuilder<TKey, TValue>(int capacity = 0)
    where TKey : unmanaged, IMapKey<TKey>
    where TValue : unmanaged
{
    private TKey[] _keys = new TKey[capacity];
    private TValue[] _values = new TValue[capacity];
    private int _count;

    public void Add(TKey key, TValue value)
    {
        Reserve(1);
        _keys[_count] = key;
        _values[_count++] = value;
    }

    public void AddRange(ReadOnlySpan<TKey> keys, ReadOnlySpan<TValue> values)
    {
        Reserve(keys.Length);
        keys.CopyTo(_keys.AsSpan(_count));
        values.CopyTo(_values.AsSpan(_count));
        _count += keys.Length;
    }

    public MapImage<TKey, TValue> Build()
    {
        Array.Resize(ref _keys, _count);
        Array.Resize(ref _values, _count);
        return new MapImage<TKey, TValue>(_keys, _values);
    }

    private void Reserve(int more)
    {
        if (_count + more > _keys.Length)
        {
            var size = Math.Max(_count + more, Math.Max(16, _keys.Length * 2));
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
        }
    }
}
