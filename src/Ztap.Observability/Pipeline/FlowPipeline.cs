using System.Threading.Channels;
using Ztap.Core.Flows;

namespace Ztap.Observability.Pipeline;

/// <summary>
/// The agent's flow stream: producers <see cref="Offer"/> records into a bounded queue (a full
/// queue drops and counts, never blocks the ring buffer's reader), and <see cref="RunAsync"/>
/// folds repeats and fans each resulting record out to every sink, flushing them a few times a
/// second. Waking on a timer rather than per record keeps the cost flat under a steady stream.
/// </summary>
public sealed class FlowPipeline
{
    private readonly Channel<FlowRecord> _queue;
    private readonly FlowAggregator _aggregator;
    private readonly IReadOnlyList<IFlowSink> _sinks;
    private readonly TimeSpan _interval;
    private long _dropped;
    private long _received;
    private long _emitted;

    public FlowPipeline(IReadOnlyList<IFlowSink> sinks, AggregationLimits limits, TimeSpan? flushInterval = null)
    {
        _sinks = sinks;
        _interval = flushInterval ?? TimeSpan.FromMilliseconds(250);
        _queue = Channel.CreateBounded<FlowRecord>(new BoundedChannelOptions(limits.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _aggregator = new FlowAggregator(limits, Emit);
    }

    /// <summary>Records dropped because the queue was full: the pipeline could not keep up.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records offered and accepted.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Records passed to the sinks, after aggregation.</summary>
    public long Emitted => Interlocked.Read(ref _emitted);

    /// <summary>Queues a record without waiting; false (and counted) when the queue is full.</summary>
    public bool Offer(FlowRecord record)
    {
        if (_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _received);
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Processes records until cancelled, then emits what is pending and flushes every sink once more.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Drain();
                _aggregator.EmitExpired(Environment.TickCount64);
                Flush();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: everything accepted still reaches the sinks below.
        }

        Drain();
        _aggregator.EmitAll();
        Flush();
    }

    private void Drain()
    {
        var now = Environment.TickCount64;
        while (_queue.Reader.TryRead(out var record))
        {
            _aggregator.Add(record, now);
        }
    }

    private void Emit(FlowRecord record)
    {
        Interlocked.Increment(ref _emitted);
        foreach (var sink in _sinks)
        {
            sink.Write(record);
        }
    }

    private void Flush()
    {
        foreach (var sink in _sinks)
        {
            sink.Flush();
        }
    }
}
