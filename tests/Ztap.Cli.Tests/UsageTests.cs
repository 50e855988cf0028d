namespace Ztap.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData("help-root.txt", new[] { "--help" })]
    [InlineData("help-validate.txt", new[] { "validate", "--help" })]
    [InlineData("help-check.txt", new[] { "check", "-h" })]
    [InlineData("help-cloud-discover.txt", new[] { "cloud", "discover", "--help" })]
    [InlineData("help-cloud-sync.txt", new[] { "cloud", "sync", "--help" })]
    [InlineData("help-agent.txt", new[] { "agent", "--help" })]
    [InlineData("help-logs.txt", new[] { "logs", "--help" })]
    [InlineData("help-anomaly.txt", new[] { "anomaly", "--help" })]
    [InlineData("help-anomaly-train.txt", new[] { "anomaly", "train", "--help" })]
    [InlineData("help-anomaly-score.txt", new[] { "anomaly", "score", "--help" })]
    [InlineData("help-anomaly-serve.txt", new[] { "anomaly", "serve", "--help" })]
    public async Task Every_command_has_help_with_examples(string snapshot, string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Out, StringComparison.Ordinal);
        Snapshot.Matches(snapshot, run.Out);
    }

    [Theory]
    [InlineData("Required command was not provided.", new string[0])]
    [InlineData("Unrecognized option '--bogus'", new[] { "validate", "-f", "examples", "--bogus" })]
    [InlineData("Option '--filename' is required.", new[] { "validate" })]
    [InlineData("Argument 'yaml' not recognized.", new[] { "validate", "-f", "examples", "-o", "yaml" })]
    [InlineData("Option '--inventory' is required.", new[] { "check", "-f", "examples", "--from", "web-1", "--to", "db-1", "--port", "5432" })]
    [InlineData("give --from and --to to check one flow, or --flows FILE to check many", new[] { "check", "-f", "examples", "-i", "examples/inventory.yaml", "--from", "web-1" })]
    [InlineData("--flows decides the flows of a file", new[] { "check", "-f", "examples", "-i", "examples/inventory.yaml", "--flows", "examples/flows.csv", "--port", "80" })]
    [InlineData("--port is required for TCP", new[] { "check", "-f", "examples", "-i", "examples/inventory.yaml", "--from", "web-1", "--to", "db-1" })]
    [InlineData("--port: ICMP has no ports; leave --port out", new[] { "check", "-f", "examples", "-i", "examples/inventory.yaml", "--from", "web-1", "--to", "db-1", "--protocol", "icmp", "--port", "1" })]
    [InlineData("--port: 70000 is not a port number from 1 to 65535", new[] { "check", "-f", "examples", "-i", "examples/inventory.yaml", "--from", "web-1", "--to", "db-1", "--port", "70000" })]
    [InlineData("--protocol: \"GRE\" is not a protocol", new[] { "check", "-f", "examples", "-i", "examples/inventory.yaml", "--from", "web-1", "--to", "db-1", "--protocol", "GRE" })]
    [InlineData("--fail-on-deny applies to --flows", new[] { "check", "-f", "examples", "-i", "examples/inventory.yaml", "--from", "web-1", "--to", "db-1", "--port", "1", "--fail-on-deny" })]
    [InlineData("--anomaly-rules needs --anomaly-model", new[] { "agent", "-f", "examples", "-i", "examples/inventory.yaml", "--anomaly-rules", "r.yaml" })]
    [InlineData("--metrics-listen: \"9090\" is not off or an address and port", new[] { "agent", "-f", "examples", "-i", "examples/inventory.yaml", "--metrics-listen", "9090" })]
    [InlineData("Option '--model' is required.", new[] { "anomaly", "train", "--flows", "f.csv" })]
    [InlineData("Argument 'table' not recognized.", new[] { "anomaly", "score", "--model", "m.json", "--flows", "f.csv", "-o", "table" })]
    [InlineData("--listen: \"localhost\" is not an address and port such as 127.0.0.1:5000", new[] { "anomaly", "serve", "--listen", "localhost" })]
    [InlineData("--since: \"yesterday\" is neither a duration such as 10m nor a time", new[] { "logs", "--since", "yesterday" })]
    [InlineData("Argument 'maybe' not recognized.", new[] { "logs", "--verdict", "maybe" })]
    [InlineData("Option '--inventory' is required.", new[] { "agent", "-f", "examples" })]
    [InlineData("--aggregate-window: \"2h\" is not a duration from 0s to 1m", new[] { "agent", "-f", "examples", "-i", "examples/inventory.yaml", "--aggregate-window", "2h" })]
    [InlineData("--log-file-size: 0 is not 1 or more.", new[] { "agent", "-f", "examples", "-i", "examples/inventory.yaml", "--log-file-size", "0" })]
    public async Task Usage_errors_exit_2_with_the_reason_and_a_pointer_to_help(string reason, string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: " + reason, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage and examples.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Missing_files_exit_3_and_name_every_missing_path()
    {
        var run = await CliRun.Of("check", "-f", "examples", "missing-policies", "-i", "missing-inventory.yaml", "--from", "a", "--to", "b", "--port", "1");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(
            "error: missing-policies: no such file or directory\nerror: missing-inventory.yaml: no such file or directory\n",
            run.Error);
    }
}
