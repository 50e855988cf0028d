using Ztap.Anomaly.Features;

namespace Ztap.Anomaly.Tests.Features;

public sealed class FeatureExtractorTests
{
    private static readonly DateTimeOffset Noon = Flows.Monday.AddDays(7).AddHours(12);

    [Fact]
    public void A_destination_and_service_never_used_are_novel_and_known_ones_are_not()
    {
        var (known, _) = Extract(Flows.Tcp(Noon, "10.0.1.1", "10.0.2.1", 443));
        var (novel, context) = Extract(Flows.Tcp(Noon, "10.0.1.1", "10.0.9.9", 8443));

        Assert.True(known[Index(FlowFeature.DestinationNovelty)] < 0.05);
        Assert.Equal(1, novel[Index(FlowFeature.DestinationNovelty)]);
        Assert.Equal(1, novel[Index(FlowFeature.ServiceNovelty)]);
        Assert.Equal((0, 0), (context.PairFlows, context.ServiceFlows));
    }

    [Fact]
    public void A_night_flow_of_a_daytime_source_lies_hours_outside_its_usual_hours()
    {
        var (day, _) = Extract(Flows.Tcp(Noon, "10.0.1.1", "10.0.2.1", 443));
        var (night, context) = Extract(Flows.Tcp(Noon.AddHours(-9), "10.0.1.1", "10.0.2.1", 443));

        Assert.Equal(0, day[Index(FlowFeature.HoursOutsideUsual)]);
        // 03:00 is six hours before 09:00, the first hour the source uses.
        Assert.Equal(6, context.HoursOutsideUsual);
        Assert.Equal(6, night[Index(FlowFeature.HoursOutsideUsual)]);
    }

    [Fact]
    public void A_transfer_far_above_the_pairs_usual_size_stands_out()
    {
        var (usual, _) = Extract(Flows.Tcp(Noon, "10.0.1.1", "10.0.2.1", 443, bytes: 1_000));
        var (large, context) = Extract(Flows.Tcp(Noon, "10.0.1.1", "10.0.2.1", 443, bytes: 500_000_000));

        Assert.InRange(usual[Index(FlowFeature.BytesAboveUsual)], -2, 2);
        Assert.True(large[Index(FlowFeature.BytesAboveUsual)] > 10);
        Assert.InRange(context.UsualBytes, 500, 2_000);
    }

    [Fact]
    public void Ports_and_destinations_are_counted_against_the_sources_most_in_training()
    {
        var extractor = new FeatureExtractor(FeatureSet.Context, ContextOptions.Default);
        var features = new float[extractor.Count];
        var context = default(FlowContext);
        for (var port = 1; port <= 30; port++)
        {
            context = extractor.Extract(Flows.Tcp(Noon.AddSeconds(port), "10.0.1.1", "10.0.2.1", port), Profile(), features);
        }

        Assert.Equal((30, 1), (context.PortsOnDestination, context.UsualPortsOnDestination));
        Assert.Equal(Math.Log(31.0 / 2), features[Index(FlowFeature.PortsAboveUsual)], precision: 5);
    }

    [Fact]
    public void Training_compares_each_day_with_the_other_days()
    {
        var training = new[]
        {
            Flows.Tcp(Flows.Monday.AddHours(10), "10.0.1.1", "10.0.2.1", 443),
            Flows.Tcp(Flows.Monday.AddDays(1).AddHours(10), "10.0.1.1", "10.0.2.2", 443),
        };

        var folds = CrossFitting.Build(training, ContextOptions.Default);

        Assert.False(folds.ProfileFor(0).Pairs.ContainsKey(Pair("10.0.1.1", "10.0.2.1")));
        Assert.True(folds.ProfileFor(0).Pairs.ContainsKey(Pair("10.0.1.1", "10.0.2.2")));
        Assert.True(folds.ProfileFor(1).Pairs.ContainsKey(Pair("10.0.1.1", "10.0.2.1")));
    }

    /// <summary>10.0.1.1 used 10.0.2.1:443 a hundred times, 09:00 to 17:00, about 1 kB each.</summary>
    private static TrafficProfile Profile() => new TrafficProfileBuilder(ContextOptions.Default).Build(
        Enumerable.Range(0, 100).Select(i =>
            Flows.Tcp(Flows.Monday.AddHours(9).AddMinutes(5 * i), "10.0.1.1", "10.0.2.1", 443, bytes: 900 + (i % 5 * 50))));

    private static (float[] Features, FlowContext Context) Extract(ObservedFlow flow)
    {
        var extractor = new FeatureExtractor(FeatureSet.Context, ContextOptions.Default);
        var features = new float[extractor.Count];
        var context = extractor.Extract(flow, Profile(), features);
        return (features, context);
    }

    private static int Index(FlowFeature feature) => FeatureLayout.Context.IndexOf(feature);

    private static PairKey Pair(string source, string destination) =>
        new(HostKey.Of(System.Net.IPAddress.Parse(source)), HostKey.Of(System.Net.IPAddress.Parse(destination)));
}
