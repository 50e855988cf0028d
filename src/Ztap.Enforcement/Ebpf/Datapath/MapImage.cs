using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// The complete content of one BPF map as ztap wants it, in key order (<see cref="IMapKey{TKey}"/>)
/// so two images compare by a linear merge: an update writes only what changed. The entries are
/// the first <see cref="Count"/> of their arrays; an image built in the arrays of a retired one
/// (<see cref="RetiredArrays"/>) leaves the rest unused.
/// </summary>
internal sealed class MapImage<TKey, TValue>
    where TKey : unmanaged, IMapKey<TKey>
    where TValue : unmanaged
{
    private readonly TKey[] _keys;
    private readonly TValue[] _values;

    public MapImage(TKey[] keys, TValue[] values)
        : this(keys, values, keys.Length, valuesKnown: true)
    {
    }

    /// <summary>An image of the first <paramref name="count"/> entries of the arrays.</summary>
    public MapImage(TKey[] keys, TValue[] values, int count)
        : this(keys, values, count, valuesKnown: true)
    {
    }

    private MapImage(TKey[] keys, TValue[] values, int count, bool valuesKnown)
    {
        // Entries built or read back from a snapshot are in order already; checking costs one pass, sorting many.
        if (!InOrder(keys.AsSpan(0, count)))
        {
            keys.AsSpan(0, count).Sort(values.AsSpan(0, count), default(KeyOrder));
        }

        _keys = keys;
        _values = values;
        Count = count;
        ValuesKnown = valuesKnown;
    }

    /// <summary>
    /// Whether the values are those in the map. An image read back from the kernel by walking keys
    /// has keys only, and every entry of a later image is written over it.
    /// </summary>
    public bool ValuesKnown { get; }

    public ReadOnlySpan<TKey> Keys => _keys.AsSpan(0, Count);

    public ReadOnlySpan<TValue> Values => _values.AsSpan(0, Count);

    public int Count { get; }

    /// <summary>The entries in key order, for listing them; the spans serve every loop that runs often.</summary>
    public IEnumerable<(TKey Key, TValue Value)> Entries
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                yield return (_keys[i], _values[i]);
            }
        }
    }

    /// <summary>The arrays the entries are in, for an image built once this one is retired.</summary>
    public (TKey[] Keys, TValue[] Values) Storage => (_keys, _values);

    public static MapImage<TKey, TValue> KeysOnly(TKey[] keys) => new(keys, new TValue[keys.Length], keys.Length, valuesKnown: false);

    /// <summary>What turns a map holding <paramref name="previous"/> into this image.</summary>
    public MapChanges<TKey, TValue> ChangesFrom(MapImage<TKey, TValue> previous)
    {
        // Images are immutable: one kept whole from the image the map holds, as the sides are when
        // only workloads came or went, changes nothing.
        if (ReferenceEquals(previous, this))
        {
            return new MapChanges<TKey, TValue>([], [], []);
        }

        // Into an empty map, such as a slot's first write, every entry goes as it is: in the image's
        // own arrays when it fills them (an image built afresh), as neither is changed after.
        if (previous.Count == 0)
        {
            return Count == _keys.Length
                ? new MapChanges<TKey, TValue>([], _keys, _values)
                : new MapChanges<TKey, TValue>([], Keys.ToArray(), Values.ToArray());
        }

        var deletions = new List<TKey>();
        var upsertKeys = new List<TKey>();
        var upsertValues = new List<TValue>();
        var (i, j) = (0, 0);
        while (i < previous.Count || j < Count)
        {
            var order = i == previous.Count ? 1 : j == Count ? -1 : Compare(previous.Keys[i], Keys[j]);
            if (order < 0)
            {
                deletions.Add(previous.Keys[i++]);
            }
            else if (order > 0 || !previous.ValuesKnown || !BytesOf(previous.Values[i]).SequenceEqual(BytesOf(Values[j])))
            {
                upsertKeys.Add(Keys[j]);
                upsertValues.Add(Values[j++]);
                i += order == 0 ? 1 : 0;
            }
            else
            {
                (i, j) = (i + 1, j + 1);
            }
        }

        return new MapChanges<TKey, TValue>([.. deletions], [.. upsertKeys], [.. upsertValues]);
    }

    /// <summary>The value of the key, found by binary search.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        var index = Keys.BinarySearch(key, default(KeyOrder));
        value = index >= 0 ? Values[index] : default;
        return index >= 0;
    }

    /// <summary>This image with the changes made: the image <see cref="ChangesFrom"/> was given, when this is the one it was asked from.</summary>
    public MapImage<TKey, TValue> With(MapChanges<TKey, TValue> changes)
    {
        var (deletions, upserts) = (changes.Deletions, changes.UpsertKeys);
        var keys = new List<TKey>(Count + upserts.Length);
        var values = new List<TValue>(Count + upserts.Length);
        var (i, d, u) = (0, 0, 0);
        while (i < Count || u < upserts.Length)
        {
            var order = i == Count ? 1 : u == upserts.Length ? -1 : Compare(Keys[i], upserts[u]);
            if (order >= 0)
            {
                keys.Add(upserts[u]);
                values.Add(changes.UpsertValues[u++]);
                i += order == 0 ? 1 : 0;
                continue;
            }

            while (d < deletions.Length && Compare(deletions[d], Keys[i]) < 0)
            {
                d++;
            }

            if (d == deletions.Length || Compare(deletions[d], Keys[i]) != 0)
            {
                keys.Add(Keys[i]);
                values.Add(Values[i]);
            }

            i++;
        }

        return new MapImage<TKey, TValue>([.. keys], [.. values], keys.Count, ValuesKnown);
    }

    public static int Compare(in TKey left, in TKey right) => TKey.Compare(left, right);

    private static ReadOnlySpan<byte> BytesOf<T>(in T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));

    private static bool InOrder(ReadOnlySpan<TKey> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (Compare(keys[i - 1], keys[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    // A struct, so the sort is specialised for it and every comparison is inlined.
    private readonly struct KeyOrder : IComparer<TKey>
    {
        public int Compare(TKey x, TKey y) => TKey.Compare(x, y);
    }
}
