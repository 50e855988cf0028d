using Ztap.Anomaly.Features;

namespace Ztap.Anomaly.Tests.Features;

public sealed class DistinctCounterTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Fact]
    public void Repeated_items_count_once_and_groups_count_apart()
    {
        var counter = new DistinctCounter<int, int>(TimeSpan.FromSeconds(60), capacity: 100);

        Assert.Equal(1, counter.Add(0, group: 1, item: 80));
        Assert.Equal(1, counter.Add(1 * Second, group: 1, item: 80));
        Assert.Equal(2, counter.Add(2 * Second, group: 1, item: 443));
        Assert.Equal(1, counter.Add(3 * Second, group: 2, item: 80));
    }

    [Fact]
    public void Items_older_than_the_window_no_longer_count()
    {
        var counter = new DistinctCounter<int, int>(TimeSpan.FromSeconds(60), capacity: 100);
        counter.Add(0, 1, 22);
        counter.Add(30 * Second, 1, 23);

        Assert.Equal(2, counter.Add(59 * Second, 1, 23));
        Assert.Equal(2, counter.Add(61 * Second, 1, 24));
        Assert.Equal(3, counter.EventCount);
    }

    [Fact]
    public void A_burst_beyond_capacity_keeps_only_the_latest_events()
    {
        var counter = new DistinctCounter<int, int>(TimeSpan.FromHours(1), capacity: 10);
        var distinct = 0;
        for (var port = 1; port <= 1000; port++)
        {
            distinct = counter.Add(port, 1, port);
        }

        Assert.Equal(10, distinct);
        Assert.Equal(10, counter.EventCount);
    }
}
