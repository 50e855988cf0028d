namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>The random shapes traffic is drawn from.</summary>
internal static class Draw
{
    public static double Normal(Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    /// <summary>Sizes of transfers are log-normal: mostly small, now and then very large.</summary>
    public static long Bytes(Random random, double median, double sigma) =>
        Math.Max(40, (long)(median * Math.Exp(Normal(random, 0, sigma))));

    /// <summary>The gap to the next arrival of a Poisson process with this many events per hour.</summary>
    public static TimeSpan Gap(Random random, double perHour) =>
        TimeSpan.FromHours(-Math.Log(1 - random.NextDouble()) / perHour);

    public static T One<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
