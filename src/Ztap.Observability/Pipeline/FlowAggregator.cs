using Ztap.Core.Flows;

namespace Ztap.Observability.Pipeline;

/// <summary>
/// Folds repeats of one flow and verdict (a retried SYN, every packet of a denied stream) that
/// arrive within a short window into one record: the first one's time, the bytes summed, and
/// <see cref="FlowRecord.Count"/> saying how many events it stands for. Memory is bounded: when
/// <see cref="AggregationLimits.MaxPending"/> flows are pending, all of them are emitted early.
/// </summary>
public sealed class FlowAggregator(AggregationLimits limits, Action<FlowRecord> emit)
{
    private readonly Dictionary<FlowKey, Pending> _pending = [];
    private readonly Queue<(FlowKey Key, long Arrival)> _arrivals = new();

    /// <summary>Flows held now, waiting for their window to close.</summary>
    public int PendingCount => _pending.Count;

    /// <param name="now">Arrival time in <see cref="Environment.TickCount64"/> milliseconds; windows are measured on arrival, not on the records' own times.</param>
    public void Add(FlowRecord record, long now)
    {
        if (limits.Window <= TimeSpan.Zero)
        {
            emit(record);
            return;
        }

        var key = FlowKey.Of(record);
        if (_pending.TryGetValue(key, out var pending))
        {
            pending.Merge(record);
            return;
        }

        if (_pending.Count >= limits.MaxPending)
        {
            EmitAll();
        }

        _pending[key] = new Pending(record);
        _arrivals.Enqueue((key, now));
    }

    /// <summary>Emits every flow whose window has closed by <paramref name="now"/>.</summary>
    public void EmitExpired(long now)
    {
        var window = (long)limits.Window.TotalMilliseconds;
        while (_arrivals.TryPeek(out var oldest) && now - oldest.Arrival >= window)
        {
            _arrivals.Dequeue();
            Emit(oldest.Key);
        }
    }

    /// <summary>Emits everything pending, when the agent stops.</summary>
    public void EmitAll()
    {
        while (_arrivals.TryDequeue(out var oldest))
        {
            Emit(oldest.Key);
        }
    }

    private void Emit(FlowKey key)
    {
        if (_pending.Remove(key, out var pending))
        {
            emit(pending.ToRecord());
        }
    }

    private sealed class Pending(FlowRecord first)
    {
        private long _bytes = first.Bytes;
        private long _count = first.Count;

        public void Merge(FlowRecord repeat)
        {
            _bytes += repeat.Bytes;
            _count += repeat.Count;
        }

        public FlowRecord ToRecord() => _count == first.Count ? first : first with { Bytes = _bytes, Count = _count };
    }
}
