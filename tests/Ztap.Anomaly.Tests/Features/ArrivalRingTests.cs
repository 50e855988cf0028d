using Ztap.Anomaly.Features;

namespace Ztap.Anomaly.Tests.Features;

public sealed class ArrivalRingTests
{
    [Fact]
    public void Arrivals_like_clockwork_are_regular()
    {
        var ring = Arrivals(0, 60, 120, 180, 240, 300);

        Assert.Equal(1, ring.Regularity(4, out var gap), precision: 6);
        Assert.Equal(60, gap);
    }

    [Fact]
    public void Scattered_arrivals_are_not()
    {
        var ring = Arrivals(0, 2, 300, 310, 900, 905, 2000);

        Assert.True(ring.Regularity(4, out _) < 0.2);
    }

    [Fact]
    public void Too_few_arrivals_say_nothing()
    {
        var ring = Arrivals(0, 60, 120, 180);

        Assert.Equal(0, ring.Regularity(4, out _));
    }

    [Fact]
    public void Only_the_latest_arrivals_are_kept()
    {
        // Scattered at first, then like clockwork: the ring forgets the scattered start.
        var ring = Arrivals(0, 5, 500, 501, 1000, 1060, 1120, 1180, 1240, 1300, 1360, 1420);

        Assert.Equal(ArrivalRing.Capacity, ring.Count);
        Assert.Equal(1, ring.Regularity(4, out _), precision: 6);
    }

    private static ArrivalRing Arrivals(params int[] seconds)
    {
        var ring = default(ArrivalRing);
        foreach (var second in seconds)
        {
            ring.Add(second * TimeSpan.TicksPerSecond);
        }

        return ring;
    }
}
