using System.Runtime.CompilerServices;

namespace Ztap.Anomaly.Features;

/// <summary>The last few arrival times of one service, kept inline so tracking a service allocates nothing.</summary>
internal struct ArrivalRing
{
    public const int Capacity = 8;

    private Buffer _ticks;
    private int _next;

    /// <summary>How many arrival times are held, at most <see cref="Capacity"/>.</summary>
    public int Count { get; private set; }

    public readonly long Latest => Count == 0 ? long.MinValue : _ticks[(_next + Capacity - 1) % Capacity];

    public void Add(long ticks)
    {
        _ticks[_next] = ticks;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>
    /// How regular the gaps between arrivals are: 1 - (standard deviation / mean) of the gaps, floored
    /// at 0; 0 also when fewer than <paramref name="minimumGaps"/> gaps are known. A beacon with 10 %
    /// jitter scores about 0.94, human or request-driven traffic near 0.
    /// </summary>
    public readonly double Regularity(int minimumGaps, out double meanGapSeconds)
    {
        meanGapSeconds = 0;
        var gaps = Count - 1;
        if (gaps < minimumGaps)
        {
            return 0;
        }

        Span<double> values = stackalloc double[Capacity];
        var start = (_next + Capacity - Count) % Capacity;
        var sum = 0.0;
        for (var i = 0; i < gaps; i++)
        {
            var earlier = _ticks[(start + i) % Capacity];
            var later = _ticks[(start + i + 1) % Capacity];
            values[i] = (later - earlier) / (double)TimeSpan.TicksPerSecond;
            sum += values[i];
        }

        var mean = sum / gaps;
        meanGapSeconds = mean;
        if (mean <= 0)
        {
            return 0;
        }

        var squares = 0.0;
        for (var i = 0; i < gaps; i++)
        {
            squares += (values[i] - mean) * (values[i] - mean);
        }

        return Math.Max(0, 1 - (Math.Sqrt(squares / gaps) / mean));
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private long _element;
    }
}
