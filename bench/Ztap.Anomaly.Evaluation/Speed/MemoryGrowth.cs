using System.Globalization;
using System.Net;
using Ztap.Anomaly.Forest;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Evaluation.Speed;

/// <summary>
/// How much a trained detector's memory grows over a long stream: ten million flows from 65,536 sources to
/// 4,096 destinations over 24 hours, measured as the managed heap after full collections, before and after.
/// An agent runs one detector for days; its windows and histories must stay bounded whatever it sees.
/// </summary>
internal static class MemoryGrowth
{
    public static void Run(TextWriter output)
    {
        var detector = new ForestDetector(ForestDetectorOptions.Default);
        detector.Train(BenchmarkData.Training50k());
        var random = new Random(5);
        var start = new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.Zero);
        var sources = Enumerable.Range(0, 65_536).Select(i => new IPAddress([10, 1, (byte)(i >> 8), (byte)i])).ToArray();
        var destinations = Enumerable.Range(0, 4_096).Select(i => new IPAddress([10, 2, (byte)(i >> 8), (byte)i])).ToArray();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        const int Flows = 10_000_000;
        for (var i = 0; i < Flows; i++)
        {
            var flow = new ObservedFlow(start.AddTicks(i * (TimeSpan.TicksPerDay / Flows)), sources[random.Next(sources.Length)],
                destinations[random.Next(destinations.Length)], random.Next(1, 65536), Protocol.Tcp, random.Next(40, 100_000));
            detector.Detect(flow);
            if (i % 1_000_000 == 999_999)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory growth over {Flows:N0} flows: {(after - before) / 1e6:0.0} MB at the end, {(peak - before) / 1e6:0.0} MB at most; state holds {detector.StateSize:N0} entries"));
        GC.KeepAlive(detector);
    }
}
