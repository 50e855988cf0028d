using Ztap.Core.Flows;
using Ztap.Observability.Pipeline;
using Ztap.Observability.Tests.FlowLog;

namespace Ztap.Observability.Tests.Pipeline;

public sealed class FlowAggregatorTests
{
    private static readonly AggregationLimits OneSecond = new(TimeSpan.FromSeconds(1), MaxPending: 3);

    [Fact]
    public void Repeats_within_the_window_become_one_record_with_summed_bytes_and_a_count()
    {
        var emitted = new List<FlowRecord>();
        var aggregator = new FlowAggregator(OneSecond, emitted.Add);

        aggregator.Add(Flows.Denied(5432), now: 0);
        aggregator.Add(Flows.Denied(5432, second: 1), now: 300);
        aggregator.Add(Flows.Denied(5432, second: 2), now: 900);
        aggregator.Add(Flows.Allowed(5432), now: 900);
        aggregator.EmitExpired(now: 999);
        Assert.Empty(emitted);

        aggregator.EmitExpired(now: 1000);
        var folded = Assert.Single(emitted);
        Assert.Equal(Flows.Denied(5432) with { Bytes = 180, Count = 3 }, folded);

        aggregator.EmitExpired(now: 1900);
        Assert.Equal(Flows.Allowed(5432), emitted[1]);
    }

    [Fact]
    public void A_repeat_after_the_window_starts_a_new_record()
    {
        var emitted = new List<FlowRecord>();
        var aggregator = new FlowAggregator(OneSecond, emitted.Add);

        aggregator.Add(Flows.Denied(22), now: 0);
        aggregator.EmitExpired(now: 1000);
        aggregator.Add(Flows.Denied(22), now: 1500);
        aggregator.EmitAll();

        Assert.Equal([1L, 1L], emitted.Select(r => r.Count));
    }

    [Fact]
    public void Pending_flows_are_bounded_by_emitting_early()
    {
        var emitted = new List<FlowRecord>();
        var aggregator = new FlowAggregator(OneSecond, emitted.Add);

        foreach (var port in new[] { 1, 2, 3, 4 })
        {
            aggregator.Add(Flows.Allowed(port), now: 0);
        }

        Assert.Equal([1, 2, 3], emitted.Select(r => r.DestinationPort));
        Assert.Equal(1, aggregator.PendingCount);
    }

    [Fact]
    public void A_zero_window_passes_every_record_through()
    {
        var emitted = new List<FlowRecord>();
        var aggregator = new FlowAggregator(new AggregationLimits(TimeSpan.Zero), emitted.Add);

        aggregator.Add(Flows.Denied(22), now: 0);
        aggregator.Add(Flows.Denied(22), now: 0);

        Assert.Equal(2, emitted.Count);
    }
}
