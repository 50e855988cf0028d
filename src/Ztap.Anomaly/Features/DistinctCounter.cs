using System.Runtime.InteropServices;

namespace Ztap.Anomaly.Features;

/// <summary>
/// Counts, for each group, the distinct items seen in a sliding time window: the distinct ports a
/// source used on one destination in the last minute, or the distinct destinations a source reached
/// in the last five. Events expire in arrival order; at most <c>capacity</c> events are kept, the
/// oldest leaving early when a burst exceeds it, so memory stays bounded whatever the traffic.
/// </summary>
internal sealed class DistinctCounter<TGroup, TItem>
    where TGroup : struct, IEquatable<TGroup>
    where TItem : struct, IEquatable<TItem>
{
    private readonly long _windowTicks;
    private readonly (long Ticks, TGroup Group, TItem Item)[] _events;
    private readonly Dictionary<(TGroup, TItem), int> _occurrences = [];
    private readonly Dictionary<TGroup, int> _distinct = [];
    private int _head;
    private int _count;
    private long _latest = long.MinValue;

    public DistinctCounter(TimeSpan window, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _windowTicks = window.Ticks;
        _events = new (long, TGroup, TItem)[capacity];
    }

    /// <summary>How many events are currently inside the window.</summary>
    public int EventCount => _count;

    /// <summary>Records an event and returns how many distinct items its group now has in the window.</summary>
    public int Add(long ticks, TGroup group, TItem item)
    {
        _latest = Math.Max(_latest, ticks);
        while (_count > 0 && (_count == _events.Length || _events[_head].Ticks <= _latest - _windowTicks))
        {
            Expire();
        }

        _events[(_head + _count) % _events.Length] = (ticks, group, item);
        _count++;
        ref var occurrences = ref CollectionsMarshal.GetValueRefOrAddDefault(_occurrences, (group, item), out _);
        ref var distinct = ref CollectionsMarshal.GetValueRefOrAddDefault(_distinct, group, out _);
        if (occurrences++ == 0)
        {
            distinct++;
        }

        return distinct;
    }

    private void Expire()
    {
        var (_, group, item) = _events[_head];
        _head = (_head + 1) % _events.Length;
        _count--;
        ref var occurrences = ref CollectionsMarshal.GetValueRefOrNullRef(_occurrences, (group, item));
        if (--occurrences > 0)
        {
            return;
        }

        _occurrences.Remove((group, item));
        ref var distinct = ref CollectionsMarshal.GetValueRefOrNullRef(_distinct, group);
        if (--distinct == 0)
        {
            _distinct.Remove(group);
        }
    }
}
