using Ztap.Anomaly.Features;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Model;

namespace Ztap.Anomaly.Tests.Forest;

public sealed class ForestDetectorTests
{
    private static readonly DateTimeOffset TestDay = Flows.Monday.AddDays(7).AddHours(11);

    [Fact]
    public void A_port_scan_is_an_anomaly_and_the_reason_counts_the_ports()
    {
        var detector = Trained(FeatureSet.Context);

        var results = Enumerable.Range(1, 200)
            .Select(p => detector.Detect(Flows.Tcp(TestDay.AddMilliseconds(200 * p), "10.0.1.7", "10.0.2.3", p, bytes: 60)))
            .ToList();

        Assert.True(results[^1].IsAnomaly);
        Assert.Equal(
            "10.0.1.7 contacted 200 ports on 10.0.2.3 in 60 s (at most 1 in training); "
            + "10.0.1.7 contacted 10.0.2.3:200/TCP, a service it never used in training",
            results[^1].Reason);
    }

    [Fact]
    public void Ordinary_flows_stay_below_the_threshold()
    {
        var detector = Trained(FeatureSet.Context);
        var ordinary = OfficeTraffic.Days(1, seed: 99).Select(f => f with { Timestamp = f.Timestamp.AddDays(7) });

        var alerts = ordinary.Count(f => detector.Detect(f).IsAnomaly);

        Assert.True(alerts < 12, $"{alerts} alerts on 1200 ordinary flows");
    }

    [Fact]
    public void Training_twice_with_the_same_seed_scores_the_same()
    {
        var first = Trained(FeatureSet.Context);
        var second = Trained(FeatureSet.Context);

        var flows = OfficeTraffic.Days(1, seed: 5);
        Assert.Equal(flows.Select(f => first.Detect(f).Score), flows.Select(f => second.Detect(f).Score));
    }

    [Theory]
    [InlineData(FeatureSet.Context)]
    [InlineData(FeatureSet.PerFlow)]
    public async Task A_saved_and_loaded_model_scores_exactly_as_the_original(FeatureSet features)
    {
        var original = Trained(features);
        using var file = new MemoryStream();
        await ModelFile.SaveAsync(original.Model!, file, CancellationToken.None);
        file.Position = 0;

        var (model, error) = await ModelFile.LoadAsync(file, CancellationToken.None);

        Assert.Null(error);
        var loaded = new ForestDetector(model!);
        var flows = OfficeTraffic.Days(1, seed: 6).Select(f => f with { Timestamp = f.Timestamp.AddDays(7) }).ToList();
        Assert.Equal(flows.Select(f => original.Detect(f)), flows.Select(f => loaded.Detect(f)));
    }

    [Fact]
    public void Detecting_before_training_says_what_is_missing()
    {
        var detector = new ForestDetector(ForestDetectorOptions.Default);

        var error = Assert.Throws<InvalidOperationException>(() => detector.Detect(Flows.Tcp(TestDay, "10.0.1.1", "10.0.2.1", 443)));
        Assert.Contains("train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_stays_bounded_on_a_long_stream_of_new_sources()
    {
        var options = ForestDetectorOptions.Default with { Context = ContextOptions.Default with { WindowCapacity = 1000, ServiceCapacity = 1000 } };
        var detector = new ForestDetector(options);
        detector.Train(OfficeTraffic.Days(2, seed: 1));

        for (var i = 0; i < 50_000; i++)
        {
            detector.Detect(Flows.Tcp(TestDay.AddMilliseconds(i), $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", "10.0.2.1", 443));
        }

        // Three windows of at most 1000 events each, and at most 1000 beacon histories.
        Assert.True(detector.StateSize <= 4000, $"state holds {detector.StateSize} entries");
    }

    internal static ForestDetector Trained(FeatureSet features)
    {
        var detector = new ForestDetector(ForestDetectorOptions.Default with { Features = features, Forest = new ForestOptions(Seed: 42) });
        detector.Train(OfficeTraffic.Days(5, seed: 1));
        return detector;
    }
}
