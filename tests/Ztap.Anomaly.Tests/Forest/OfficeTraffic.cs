namespace Ztap.Anomaly.Tests.Forest;

/// <summary>
/// A small, seeded office for detector tests: 20 workstations that each use three internal services
/// during working hours, for a number of days.
/// </summary>
internal static class OfficeTraffic
{
    public static List<ObservedFlow> Days(int days, int seed)
    {
        var random = new Random(seed);
        var flows = new List<ObservedFlow>();
        for (var day = 0; day < days; day++)
        {
            for (var w = 1; w <= 20; w++)
            {
                for (var i = 0; i < 60; i++)
                {
                    var at = Flows.Monday.AddDays(day).AddHours(9).AddSeconds(random.Next(8 * 3600));
                    var service = (w + random.Next(3)) % 5;
                    flows.Add(Flows.Tcp(at, $"10.0.1.{w}", $"10.0.2.{service + 1}", 443 + service, bytes: random.Next(2_000, 20_000)));
                }
            }
        }

        return [.. flows.OrderBy(f => f.Timestamp)];
    }
}
