using Ztap.Anomaly.Geo;
using Ztap.Anomaly.Rules;
using Ztap.Anomaly.Tests.Geo;

namespace Ztap.Anomaly.Tests.Rules;

public sealed class RuleDetectorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-rules-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_suspicious_port_is_an_anomaly_with_the_reason()
    {
        var result = new RuleDetector(RuleConfig.Default).Detect(Flows.Tcp(Flows.Monday, "10.0.1.5", "10.0.2.9", 4444));

        Assert.True(result.IsAnomaly);
        Assert.Equal(60, result.Score);
        Assert.Equal("10.0.1.5 contacted 10.0.2.9:4444/TCP, a port listed as suspicious", result.Reason);
    }

    [Fact]
    public void An_ordinary_flow_scores_zero_without_a_reason()
    {
        var result = new RuleDetector(RuleConfig.Default).Detect(Flows.Tcp(Flows.Monday, "10.0.1.5", "10.0.2.9", 443));

        Assert.Equal(AnomalyResult.Ordinary(0), result);
    }

    [Fact]
    public void The_country_a_flow_carries_is_checked()
    {
        var flow = Flows.Tcp(Flows.Monday, "10.0.1.5", "203.0.113.7", 443) with { DestinationGeo = "IR" };

        var result = new RuleDetector(RuleConfig.Default).Detect(flow);

        Assert.True(result.IsAnomaly);
        Assert.Equal("10.0.1.5 contacted 203.0.113.7:443/TCP in IR, a country listed as suspicious", result.Reason);
    }

    [Fact]
    public void Countries_a_flow_does_not_carry_are_looked_up_in_the_database()
    {
        using var database = CountryDatabase.Open(CountryDatabaseTests.Build(_directory), out _)!;
        var detector = new RuleDetector(RuleConfig.Default, database);

        var inbound = detector.Detect(Flows.Tcp(Flows.Monday, "175.45.177.9", "10.0.1.5", 22));
        var toUs = detector.Detect(Flows.Tcp(Flows.Monday, "10.0.1.5", "8.8.8.8", 53));

        Assert.Equal("175.45.177.9 in KP, a country listed as suspicious, contacted 10.0.1.5:22/TCP", inbound.Reason);
        Assert.False(toUs.IsAnomaly);
    }

    [Fact]
    public void Training_learns_the_volume_limit_when_none_is_configured()
    {
        var detector = new RuleDetector(RuleConfig.Default with { VolumeQuantile = 0.99 });
        detector.Train([.. Enumerable.Range(1, 100).Select(i => Flows.Tcp(Flows.Monday, "10.0.1.5", "10.0.2.9", 443, bytes: i * 1000))]);

        var result = detector.Detect(Flows.Tcp(Flows.Monday, "10.0.1.5", "10.0.2.9", 443, bytes: 2_500_000));

        Assert.Equal(100_000, detector.MaxBytes);
        Assert.True(result.IsAnomaly);
        Assert.Equal("10.0.1.5 sent 2.5 MB to 10.0.2.9:443/TCP, above the 100 kB limit", result.Reason);
    }

    [Fact]
    public void Rules_that_fire_together_add_up()
    {
        var detector = new RuleDetector(RuleConfig.Default with { MaxBytes = 1000 });
        var flow = Flows.Tcp(Flows.Monday, "10.0.1.5", "203.0.113.7", 4444, bytes: 5000) with { DestinationGeo = "KP" };

        var result = detector.Detect(flow);

        Assert.Equal(Math.Round(100 * (1 - (0.4 * 0.3 * 0.4)), 1), result.Score);
        Assert.Equal(3, result.Reason.Split("; ").Length);
    }
}
