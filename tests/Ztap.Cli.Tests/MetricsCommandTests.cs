namespace Ztap.Cli.Tests;

public sealed class MetricsCommandTests
{
    [Fact]
    public async Task Metrics_has_help_with_examples()
    {
        var run = await CliRun.Of(["metrics", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Snapshot.Matches("help-metrics.txt", run.Out);
    }

    [Fact]
    public async Task A_listen_address_without_a_port_is_a_usage_error()
    {
        var run = await CliRun.Of(["metrics", "--listen", "localhost"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--listen: \"localhost\" is not an address and port", run.Error, StringComparison.Ordinal);
    }
}
