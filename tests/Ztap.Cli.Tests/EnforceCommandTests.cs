namespace Ztap.Cli.Tests;

public sealed class EnforceCommandTests
{
    [Theory]
    [InlineData("help-enforce.txt", new[] { "enforce", "--help" })]
    [InlineData("help-status.txt", new[] { "status", "--help" })]
    public async Task Enforce_and_status_have_help_with_examples(string snapshot, string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Snapshot.Matches(snapshot, run.Out);
    }

    [Theory]
    [InlineData("Option '--filename' is required (or --remove).", new[] { "enforce", "-i", "examples/inventory.yaml" })]
    [InlineData("Option '--inventory' is required (or --remove).", new[] { "enforce", "-f", "examples/policies" })]
    [InlineData("--remove takes no other option (--dry-run given).", new[] { "enforce", "--remove", "--dry-run" })]
    [InlineData("Argument 'block' not recognized.", new[] { "enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--mode", "block" })]
    public async Task Wrong_combinations_are_usage_errors(string reason, string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: " + reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_the_identities_prefixes_and_map_entries_it_would_install()
    {
        var run = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Matches("enforce-dry-run.txt", run.Out);
    }

    [Fact]
    public async Task A_dry_run_in_json_keys_each_row_by_column()
    {
        var run = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"title\": \"policy (subject, direction, peer, protocol, ports -> rule)\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"prefix\": \"10.0.9.0/24\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_policies_are_reported_and_nothing_is_touched()
    {
        var run = await CliRun.Of("enforce", "-f", "tests/Ztap.Cli.Tests/TestData", "-i", "examples/inventory.yaml", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nothing was checked", run.Error, StringComparison.Ordinal);
    }
}
