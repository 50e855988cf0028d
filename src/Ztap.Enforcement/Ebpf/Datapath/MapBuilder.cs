using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>Collects the entries of one map, then hands them over as a sorted <see cref="MapImage{TKey, TValue}"/>.</summary>
internal sealed class MapBuilder<TKey, TValue>
    where TKey : unmanaged, IMapKey<TKey>
    where TValue : unmanaged
{
    private TKey[] _keys = [];
    private TValue[] _values = [];
    private int _count;

    public void Add(TKey key, TValue value)
    {
        if (_count == _keys.Length)
        {
            Grow();
        }

        _keys[_count] = key;
        _values[_count++] = value;
    }

    public MapImage<TKey, TValue> Build()
    {
        Array.Resize(ref _keys, _count);
        Array.Resize(ref _values, _count);
        return new MapImage<TKey, TValue>(_keys, _values);
    }

    private void Grow()
    {
        var size = Math.Max(16, _keys.Length * 2);
        Array.Resize(ref _keys, size);
        Array.Resize(ref _values, size);
    }
}
