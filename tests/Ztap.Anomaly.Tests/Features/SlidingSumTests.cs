using Ztap.Anomaly.Features;

namespace Ztap.Anomaly.Tests.Features;

public sealed class SlidingSumTests
{
    private static readonly long Minute = TimeSpan.TicksPerMinute;

    [Fact]
    public void Amounts_add_up_per_group_within_the_window_only()
    {
        var sum = new SlidingSum<int>(TimeSpan.FromHours(1), capacity: 100);

        Assert.Equal(300, sum.Add(0, group: 1, amount: 300));
        Assert.Equal(700, sum.Add(30 * Minute, group: 1, amount: 400));
        Assert.Equal(50, sum.Add(40 * Minute, group: 2, amount: 50));
        Assert.Equal(600, sum.Add(61 * Minute, group: 1, amount: 200));
    }

    [Fact]
    public void A_burst_beyond_capacity_keeps_only_the_latest_amounts()
    {
        var sum = new SlidingSum<int>(TimeSpan.FromHours(1), capacity: 10);
        var total = 0L;
        for (var i = 0; i < 1000; i++)
        {
            total = sum.Add(i, 1, 5);
        }

        Assert.Equal(50, total);
        Assert.Equal(10, sum.EventCount);
    }
}
