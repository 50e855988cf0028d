namespace Ztap.Anomaly.Features;

/// <summary>Running count, sum and sum of squares of log(1 + bytes), all a mean and deviation need.</summary>
internal readonly record struct ByteStats(int Count, double Sum, double SumOfSquares)
{
    /// <summary>The spread assumed at least, so a pair that always sends the same size does not turn every byte of difference into a huge deviation.</summary>
    public const double MinimumDeviation = 0.5;

    public ByteStats Add(double logBytes) => new(Count + 1, Sum + logBytes, SumOfSquares + (logBytes * logBytes));

    public double Mean => Count == 0 ? 0 : Sum / Count;

    public double Deviation =>
        Count < 2 ? MinimumDeviation : Math.Max(MinimumDeviation, Math.Sqrt(Math.Max(0, (SumOfSquares / Count) - (Mean * Mean))));

    /// <summary>How many deviations <paramref name="logBytes"/> lies above the mean (negative below).</summary>
    public double StandardScore(double logBytes) => (logBytes - Mean) / Deviation;
}
