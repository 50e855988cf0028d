using System.Collections;

namespace Ztap.Core.Labels;

/// <summary>
/// An immutable set of labels (key to value), sorted by key, compared by value so that it can
/// key an identity. It formats straight into a caller's buffer, so that an identity's description,
/// written for each of tens of thousands of identities, builds one string rather than one per label.
/// The labels are one array of pairs, and <c>foreach</c> walks it with a struct enumerator: a large
/// estate holds tens of thousands of sets and walks them millions of times.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>, IReadOnlyCollection<KeyValuePair<string, string>>, ISpanFormattable
{
    private const int InsertionSortLimit = 16;

    private readonly KeyValuePair<string, string>[] _labels;
    private readonly int _hash;

    public static LabelSet Empty { get; } = new([]);

    private LabelSet(KeyValuePair<string, string>[] labels)
    {
        _labels = labels;
        var hash = new HashCode();
        foreach (var (key, value) in labels)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
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

        return new LabelSet(count == pairs.Length ? pairs : pairs[..count]);
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

    public int Count => _labels.Length;

    public bool TryGetValue(string key, out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _labels[index].Value : "";
        return index >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>A copy with one more label, replacing the key's value when present.</summary>
    public LabelSet With(string key, string value) =>
        From(this.Where(pair => pair.Key != key).Append(new(key, value)));

    /// <summary>The labels in key order, without allocating.</summary>
    public Enumerator GetEnumerator() => new(_labels);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, string>>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _labels.GetEnumerator();

    public bool Equals(LabelSet? other)
    {
        if (other is null || _hash != other._hash || _labels.Length != other._labels.Length)
        {
            return false;
        }

        for (var i = 0; i < _labels.Length; i++)
        {
            if (!string.Equals(_labels[i].Key, other._labels[i].Key, StringComparison.Ordinal)
                || !string.Equals(_labels[i].Value, other._labels[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

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

        foreach (var (key, value) in _labels)
        {
            if (charsWritten > 0)
            {
                destination[charsWritten++] = ',';
            }

            key.CopyTo(destination[charsWritten..]);
            charsWritten += key.Length;
            destination[charsWritten++] = '=';
            value.CopyTo(destination[charsWritten..]);
            charsWritten += value.Length;
        }

        return true;
    }

    private int FormattedLength
    {
        get
        {
            // A comma between labels and an equals sign in each: two characters a label, less the first comma.
            var length = _labels.Length > 0 ? (2 * _labels.Length) - 1 : 0;
            foreach (var (key, value) in _labels)
            {
                length += key.Length + value.Length;
            }

            return length;
        }
    }

    /// <summary>Walks a set's labels in key order; a struct, so <c>foreach</c> allocates nothing.</summary>
    public struct Enumerator(KeyValuePair<string, string>[] labels)
    {
        private int _index = -1;

        public readonly KeyValuePair<string, string> Current => labels[_index];

        public bool MoveNext() => ++_index < labels.Length;
    }

    /// <summary>The position of the label with the key, by binary search, or a negative number when there is none.</summary>
    private int IndexOf(string key)
    {
        var (low, high) = (0, _labels.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(_labels[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }
}
