using System.Runtime.InteropServices;

namespace Ztap.Anomaly.Features;

/// <summary>
/// Sums a quantity per group over a sliding time window: the bytes a source sent to one destination in
/// the last hour. Like <see cref="DistinctCounter{TGroup, TItem}"/>, it keeps at most <c>capacity</c>
/// events, the oldest leaving early in a burst, so memory stays bounded.
/// </summary>
internal sealed class SlidingSum<TGroup>
    where TGroup : struct, IEquatable<TGroup>
{
    private readonly long _windowTicks;
    private readonly (long Ticks, TGroup Group, long Amount)[] _events;
    private readonly Dictionary<TGroup, long> _sums = [];
    private int _head;
    private int _count;
    private long _latest = long.MinValue;

    public SlidingSum(TimeSpan window, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _windowTicks = window.Ticks;
        _events = new (long, TGroup, long)[capacity];
    }

    public int EventCount => _count;

    /// <summary>Records an amount and returns the group's sum in the window, this amount included.</summary>
    public long Add(long ticks, TGroup group, long amount)
    {
        _latest = Math.Max(_latest, ticks);
        while (_count > 0 && (_count == _events.Length || _events[_head].Ticks <= _latest - _windowTicks))
        {
            var (_, old, oldAmount) = _events[_head];
            _head = (_head + 1) % _events.Length;
            _count--;
            ref var remaining = ref CollectionsMarshal.GetValueRefOrNullRef(_sums, old);
            remaining -= oldAmount;
            if (remaining == 0)
            {
                _sums.Remove(old);
            }
        }

        _events[(_head + _count) % _events.Length] = (ticks, group, amount);
        _count++;
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_sums, group, out _);
        sum += amount;
        return sum;
    }
}
