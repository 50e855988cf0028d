using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>Collects the entries of one map, then hands them over as a sorted <see cref="MapImage{TKey, TValue}"/>.</summary>
internal sealed class MapBuilder<TKey, TValue>
    where TKey : unmanaged, IMapKey<TKey>
    where TValue : unmanaged
{
    private readonly List<TKey> _keys = [];
    private readonly List<TValue> _values = [];

    public void Add(TKey key, TValue value)
    {
        _keys.Add(key);
        _values.Add(value);
    }

    public void AddRange(ReadOnlySpan<TKey> keys, ReadOnlySpan<TValue> values)
    {
        _keys.AddRange(keys);
        _values.AddRange(values);
    }

    public MapImage<TKey, TValue> Build() => new([.. _keys], [.. _values]);
}
