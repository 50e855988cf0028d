using System.Collections;

namespace Ztap.Core.Labels;

/// <summary>
/// An immutable set of labels (key to value), sorted by key, compared by value so that it can
/// key an identity.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>, IReadOnlyCollection<KeyValuePair<string, string>>
{
    private readonly string[] _keys;
    private readonly string[] _values;
    private readonly int _hash;

    public static LabelSet Empty { get; } = new([], []);

    private LabelSet(string[] keys, string[] values)
    {
        _keys = keys;
        _values = values;
        var hash = new HashCode();
        for (var i = 0; i < keys.Length; i++)
        {
            hash.Add(keys[i], StringComparer.Ordinal);
            hash.Add(values[i], StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>Builds a set; a later duplicate key replaces the earlier one.</summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var pairs = labels.ToArray();
        if (pairs.Length == 0)
        {
            return Empty;
        }

        // Sorted by key, then by position, so the last of equal keys is the one kept.
        var order = new int[pairs.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byKey = string.CompareOrdinal(pairs[a].Key, pairs[b].Key);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });

        var keys = new List<string>(pairs.Length);
        var values = new List<string>(pairs.Length);
        foreach (var index in order)
        {
            var (key, value) = pairs[index];
            if (keys.Count > 0 && keys[^1] == key)
            {
                values[^1] = value;
                continue;
            }

            keys.Add(key);
            values.Add(value);
        }

        return new LabelSet([.. keys], [.. values]);
    }

    public int Count => _keys.Length;

    public bool TryGetValue(string key, out string value)
    {
        var index = Array.BinarySearch(_keys, key, StringComparer.Ordinal);
        value = index >= 0 ? _values[index] : "";
        return index >= 0;
    }

    public bool ContainsKey(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal) >= 0;

    /// <summary>A copy with one more label, replacing the key's value when present.</summary>
    public LabelSet With(string key, string value) =>
        From(this.Where(pair => pair.Key != key).Append(new(key, value)));

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(LabelSet? other) =>
        other is not null && _hash == other._hash
        && _keys.AsSpan().SequenceEqual(other._keys) && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => _hash;

    /// <summary>The labels as <c>k=v,k=v</c>, the form people read in tables.</summary>
    public override string ToString() => string.Join(',', this.Select(pair => $"{pair.Key}={pair.Value}"));
}
