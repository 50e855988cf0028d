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
    [InlineData("--log-denied is for the nftables backend (eBPF reports every denial without it).", new[] { "enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--backend", "ebpf", "--log-denied" })]
    public async Task Wrong_combinations_are_usage_errors(string reason, string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: " + reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_the_identities_prefixes_and_map_entries_it_would_install()
    {
        var run = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run", "--backend", "ebpf");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Matches("enforce-dry-run.txt", run.Out);
    }

    [Fact]
    public async Task A_dry_run_in_json_keys_each_row_by_column()
    {
        var run = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run", "--backend", "ebpf", "-o", "json");

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

    [Fact]
    public async Task Auto_takes_nftables_for_an_inventory_without_cgroups_says_why_and_prints_the_ruleset()
    {
        var run = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run", "--workload", "default/web-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("backend nftables: no inventory workload has a cgroup", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("# ztap policy set", run.Out, StringComparison.Ordinal);
        Assert.Contains("table inet ztap {", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_denied_sends_each_denial_of_the_nftables_ruleset_through_the_rate_limit_to_nflog()
    {
        var run = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run", "--backend", "nftables", "--workload", "default/web-1", "--log-denied");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("denied packets logged to NFLOG group 7477", run.Out, StringComparison.Ordinal);
        Assert.Contains("limit denied_log { rate 100/second burst 50 packets }", run.Out, StringComparison.Ordinal);
        Assert.Contains("limit name \"denied_log\" log prefix \"ztap deny egress ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pf_backend_prints_its_anchor_and_an_unknown_workload_is_refused()
    {
        var anchor = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run", "--backend", "pf", "--workload", "web-1");
        var unknown = await CliRun.Of("enforce", "-f", "examples/policies", "-i", "examples/inventory.yaml", "--dry-run", "--backend", "pf", "--workload", "nobody");

        Assert.Equal(0, anchor.ExitCode);
        Assert.Contains("block drop out log quick from <", anchor.Out, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--workload nobody", unknown.Error, StringComparison.Ordinal);
    }
}
