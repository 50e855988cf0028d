using Ztap.Observability.Metrics;

namespace Ztap.Observability.Tests.Metrics;

public sealed class CarriedCountTests
{
    [Fact]
    public void A_restart_keeps_what_the_counter_had_reached()
    {
        var count = new CarriedCount();
        count.Observe(5);

        count.Restart();

        Assert.Equal(5UL, count.Total);
        Assert.Equal(7UL, count.Observe(2));
    }

    [Fact]
    public void A_value_below_the_last_one_is_taken_as_an_unseen_restart()
    {
        var count = new CarriedCount();
        count.Observe(10);

        Assert.Equal(13UL, count.Observe(3));
        Assert.Equal(14UL, count.Observe(4));
    }
}
