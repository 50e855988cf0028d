using System.Numerics;

namespace Ztap.Core.Addressing;

/// <summary>
/// Nested prefixes flattened into disjoint ranges, each carrying the value of the innermost prefix
/// covering it, so a longest-prefix match is one binary search. Gaps carry a default value.
/// </summary>
internal sealed class IntervalMap<TKey>
    where TKey : unmanaged, IBinaryInteger<TKey>, IMinMaxValue<TKey>
{
    private readonly TKey[] _starts;
    private readonly int[] _values;

    private IntervalMap(TKey[] starts, int[] values)
    {
        _starts = starts;
        _values = values;
    }

    public int Count => _starts.Length;

    /// <summary>
    /// Builds the map from prefixes given as inclusive ranges. Ranges must be nested or disjoint
    /// (as prefixes are), distinct, and sorted by start with outer ranges first at equal starts
    /// (<see cref="PrefixOrder"/>), so inner ones are pushed on top of them.
    /// </summary>
    public static IntervalMap<TKey> Build(List<(TKey First, TKey Last, int Value)> prefixes, int defaultValue)
    {
        // A prefix opens one range and closes at most one, so twice the prefixes is room enough.
        var starts = new List<TKey>((2 * prefixes.Count) + 1) { TKey.MinValue };
        var values = new List<int>((2 * prefixes.Count) + 1) { defaultValue };
        var open = new Stack<(TKey Last, int Value)>();

        void Emit(TKey start, int value)
        {
            if (starts[^1] == start)
            {
                values[^1] = value;
            }
            else if (values[^1] != value)
            {
                starts.Add(start);
                values.Add(value);
            }

            // Two ranges meeting at a start can leave equal neighbours; merge them.
            if (values.Count > 1 && values[^1] == values[^2])
            {
                starts.RemoveAt(starts.Count - 1);
                values.RemoveAt(values.Count - 1);
            }
        }

        void CloseBefore(TKey start, bool all)
        {
            while (open.Count > 0 && (all || open.Peek().Last < start))
            {
                var (last, _) = open.Pop();
                if (last == TKey.MaxValue)
                {
                    continue;
                }

                Emit(last + TKey.One, open.Count > 0 ? open.Peek().Value : defaultValue);
            }
        }

        foreach (var (first, last, value) in prefixes)
        {
            CloseBefore(first, all: false);
            Emit(first, value);
            open.Push((last, value));
        }

        CloseBefore(TKey.MaxValue, all: true);
        return new IntervalMap<TKey>([.. starts], [.. values]);
    }

    public int Find(TKey key)
    {
        var starts = _starts;
        int low = 0, high = starts.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (starts[mid] <= key)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return _values[low];
    }
}
