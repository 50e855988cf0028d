using Ztap.Anomaly.Rules;

namespace Ztap.Anomaly.Tests.Rules;

public sealed class RuleConfigReaderTests
{
    [Fact]
    public void An_empty_file_means_the_defaults()
    {
        var result = RuleConfigReader.Read("", "rules.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Same(RuleConfig.Default, result.Config);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var result = RuleConfigReader.Read(
            """
            threshold: 40
            ports:
              suspicious: [23, 4444]
              score: 55
            countries:
              suspicious: [kp, IR]
              score: 80
              database: /var/lib/ztap/country.mmdb
            volume:
              max_bytes: 1000000000
              score: 65
            """, "rules.yaml");

        var config = Assert.IsType<RuleConfig>(result.Config);
        Assert.Equal(40, config.Threshold);
        Assert.Equal([23, 4444], config.SuspiciousPorts.AsEnumerable());
        Assert.Equal(55, config.PortScore);
        Assert.Equal(["KP", "IR"], config.SuspiciousCountries.AsEnumerable());
        Assert.Equal(80, config.CountryScore);
        Assert.Equal("/var/lib/ztap/country.mmdb", config.GeoDatabase);
        Assert.Equal(1_000_000_000, config.MaxBytes);
        Assert.Equal(65, config.VolumeScore);
    }

    [Fact]
    public void Every_bad_field_is_reported_with_file_line_column_and_path()
    {
        var result = RuleConfigReader.Read(
            """
            threshold: high
            ports:
              suspicious: [23, 70000]
              colour: red
            countries:
              suspicious: [KPR]
            speed: 3
            """, "rules.yaml");

        Assert.Null(result.Config);
        Assert.Equal(
        [
            "rules.yaml:1:12: error: threshold: expected a number from 0 to 100, found \"high\"",
            "rules.yaml:3:20: error: ports.suspicious[1]: \"70000\" is not a port number from 1 to 65535",
            "rules.yaml:4:3: error: ports.colour: unknown setting",
            "rules.yaml:6:16: error: countries.suspicious[0]: \"KPR\" is not a two-letter ISO country code",
            "rules.yaml:7:1: error: speed: unknown setting; expected threshold, ports, countries or volume",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Broken_yaml_is_reported_where_it_breaks()
    {
        var result = RuleConfigReader.Read("ports:\n  suspicious: [23, 24\n", "rules.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("rules.yaml", diagnostic.Location.File);
        Assert.True(diagnostic.Location.Line >= 2);
    }

    [Fact]
    public void Aliases_are_refused()
    {
        var result = RuleConfigReader.Read("ports: &p { score: 10 }\ncountries: *p\n", "rules.yaml");

        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("aliases", StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_given_twice_is_an_error()
    {
        var result = RuleConfigReader.Read("threshold: 10\nthreshold: 20\n", "rules.yaml");

        Assert.Equal("rules.yaml:2:1: error: threshold: \"threshold\" appears twice", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void A_list_at_the_top_is_not_a_configuration()
    {
        var result = RuleConfigReader.Read("- 23\n- 24\n", "rules.yaml");

        Assert.Equal("rules.yaml:1:1: error: expected a mapping of settings, found a list", Assert.Single(result.Diagnostics).ToString());
    }
}
