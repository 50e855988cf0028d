using Ztap.Anomaly.Features;

namespace Ztap.Anomaly.Tests.Features;

public sealed class ArrivalHistoryTests
{
    [Fact]
    public void A_full_history_forgets_the_least_recently_active_services()
    {
        var history = new ArrivalHistory(capacity: 100);
        for (var i = 0; i < 1000; i++)
        {
            history.Add(Service(i), i);
        }

        Assert.True(history.Count <= 100);
        Assert.Equal(2, history.Add(Service(999), 2000).Count);
    }

    private static ServiceKey Service(int i) => new(new PairKey(new HostKey((UInt128)i), new HostKey(1)), 443);
}
