using System.Collections;

namespace Ztap.Core.Labels;

/// <summary>
/// An immutable set of labels (key to value), sorted by key, compared by value so that it can
/// key an identity. It formats straight into a caller's buffer, so that an identity's description,
/// written for each of tens of thousands of identities, builds one string rather than one per label.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>, IReadOnlyCollection<KeyValuePair<string, string>>, ISpanFormattable
{
    private const int InsertionSortLimit = 16;

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
        return FromOwned(pairs, pairs.Length);
    }

    /// <summary>
    /// Builds a set from the first <paramref name="length"/> pairs of an array the caller gives up,
    /// which is reordered in place rather than copied.
    /// </summary>
    internal static LabelSet FromOwned(KeyValuePair<string, string>[] pairs, int length)
    {
        if (length == 0)
        {
            return Empty;
        }

        // Sorted by key, then by position, so the last of equal keys is the one kept. Label maps
        // are small, so a stable insertion sort does it without a comparer or an index array; a
        // large one is sorted with its positions.
        if (length <= InsertionSortLimit)
        {
            InsertionSort(pairs.AsSpan(0, length));
        }
        else
        {
            pairs = SortedByPosition(pairs, length);
        }

        var count = 0;
        for (var i = 0; i < length; i++)
        {
            if (count > 0 && pairs[count - 1].Key == pairs[i].Key)
            {
                pairs[count - 1] = pairs[i];
            }
            else
            {
                pairs[count++] = pairs[i];
            }
        }

        var keys = new string[count];
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            (keys[i], values[i]) = pairs[i];
        }

        return new LabelSet(keys, values);
    }

    // A method of its own: the comparison's closure would otherwise be allocated on every call, small maps' included.
    private static KeyValuePair<string, string>[] SortedByPosition(KeyValuePair<string, string>[] pairs, int length)
    {
        var positions = new int[length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        Array.Sort(positions, (a, b) =>
        {
            var byKey = string.CompareOrdinal(pairs[a].Key, pairs[b].Key);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        return Array.ConvertAll(positions, i => pairs[i]);
    }

    private static void InsertionSort(Span<KeyValuePair<string, string>> pairs)
    {
        for (var i = 1; i < pairs.Length; i++)
        {
            var pair = pairs[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(pairs[j].Key, pair.Key) > 0)
            {
                pairs[j + 1] = pairs[j];
                j--;
            }

            pairs[j + 1] = pair;
        }
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
    public override string ToString() => string.Create(FormattedLength, this, static (text, labels) => labels.TryFormat(text, out _, default, null));

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes <c>k=v,k=v</c> into <paramref name="destination"/>; false, with nothing promised written, when it is too short.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < FormattedLength)
        {
            return false;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (i > 0)
            {
                destination[charsWritten++] = ',';
            }

            _keys[i].CopyTo(destination[charsWritten..]);
            charsWritten += _keys[i].Length;
            destination[charsWritten++] = '=';
            _values[i].CopyTo(destination[charsWritten..]);
            charsWritten += _values[i].Length;
        }

        return true;
    }

    private int FormattedLength
    {
        get
        {
            // A comma between labels and an equals sign in each: two characters a label, less the first comma.
            var length = _keys.Length > 0 ? (2 * _keys.Length) - 1 : 0;
            for (var i = 0; i < _keys.Length; i++)
            {
                length += _keys[i].Length + _values[i].Length;
            }

            return length;
        }
    }
}
