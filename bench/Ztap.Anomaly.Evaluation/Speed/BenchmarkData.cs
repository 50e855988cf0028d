using Ztap.Anomaly.Evaluation.Traffic;

namespace Ztap.Anomaly.Evaluation.Speed;

/// <summary>The synthetic traffic the speed benchmarks run on, generated once per process.</summary>
internal static class BenchmarkData
{
    private static readonly Lazy<Dataset> Data = new(() => Dataset.Generate(seed: 1));

    /// <summary>50,000 training flows spread evenly over the two training weeks, as a real training set would be.</summary>
    public static IReadOnlyList<ObservedFlow> Training50k()
    {
        var all = Data.Value.Training;
        var step = all.Count / 50_000;
        return [.. Enumerable.Range(0, 50_000).Select(i => all[i * step])];
    }

    /// <summary>The first <paramref name="count"/> flows of the test week, attacks included, in time order.</summary>
    public static ObservedFlow[] Test(int count) => [.. Data.Value.Test.Take(count).Select(f => f.Flow)];

    public static IReadOnlyList<ObservedFlow> Training => Data.Value.Training;
}
