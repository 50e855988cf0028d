using Ztap.Core.Flows;
using Ztap.Observability.Pipeline;
using Ztap.Observability.Tests.FlowLog;

namespace Ztap.Observability.Tests.Pipeline;

public sealed class FlowPipelineTests
{
    [Fact]
    public async Task Every_sink_gets_the_aggregated_records_and_a_full_queue_counts_its_drops()
    {
        var first = new RecordingSink();
        var second = new RecordingSink();
        var pipeline = new FlowPipeline([first, second], new AggregationLimits(TimeSpan.FromMinutes(1), QueueCapacity: 4), TimeSpan.FromMilliseconds(10));

        // Nothing drains the queue yet: four fit, two are dropped.
        var accepted = Enumerable.Range(0, 6).Select(_ => pipeline.Offer(Flows.Denied(22))).ToList();
        Assert.Equal([true, true, true, true, false, false], accepted);
        Assert.Equal(2, pipeline.Dropped);

        using var stop = new CancellationTokenSource();
        var run = pipeline.RunAsync(stop.Token);
        await stop.CancelAsync();
        await run;

        var folded = Assert.Single(first.Records);
        Assert.Equal(4, folded.Count);
        Assert.Equal(first.Records, second.Records);
        Assert.True(first.Flushes > 0);
        Assert.Equal((4L, 1L), (pipeline.Received, pipeline.Emitted));
    }

    private sealed class RecordingSink : IFlowSink
    {
        public List<FlowRecord> Records { get; } = [];

        public int Flushes { get; private set; }

        public void Write(FlowRecord record) => Records.Add(record);

        public void Flush() => Flushes++;
    }
}
