using System.Text.Json;

namespace Ztap.Cli.Tests;

public sealed class CheckCommandTests
{
    private static Task<CliRun> Check(params string[] args) =>
        CliRun.Of(["check", "-f", "examples/policies", "examples/kubernetes", "-i", "examples/inventory.yaml", .. args]);

    [Fact]
    public async Task An_allowed_flow_exits_0_and_names_the_rule_of_each_side()
    {
        var run = await Check("--from", "web-1", "--to", "db-1", "--port", "5432");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Snapshot.Matches("check-allowed.txt", run.Out);
    }

    [Fact]
    public async Task A_denied_flow_exits_1_and_names_the_policies_that_isolate_it()
    {
        var run = await Check("--from", "web-1", "--to", "web-2", "--port", "22");

        Assert.Equal((1, ""), (run.ExitCode, run.Error));
        Snapshot.Matches("check-denied.txt", run.Out);
    }

    [Fact]
    public async Task A_side_outside_the_inventory_is_not_isolated()
    {
        var run = await Check("--from", "prod/checkout-1", "--to", "169.254.169.254", "--port", "443");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ingress  allowed  no policy isolates ingress of 169.254.169.254 (outside the inventory)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Icmp_needs_no_port_and_a_workload_answers_on_the_address_family_of_the_other_end()
    {
        var run = await Check("--from", "2001:db8::5", "--to", "web-1", "--protocol", "icmp");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("flow     2001:db8::5 -> default/web-1 (2001:db8:1::10) ICMP\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_one_flow_object()
    {
        var run = await Check("--from", "203.0.113.7", "--to", "shop/frontend-1", "--port", "8443", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Matches("check-external.json", run.Out);
    }

    [Fact]
    public async Task Json_output_of_a_denied_flow_has_no_allowing_rule()
    {
        var run = await Check("--from", "web-1", "--to", "web-2", "--port", "22", "-o", "json");

        using var document = JsonDocument.Parse(run.Out);
        var egress = document.RootElement.GetProperty("egress");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("deny", document.RootElement.GetProperty("verdict").GetString());
        Assert.True(egress.GetProperty("isolated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, egress.GetProperty("allowed_by").ValueKind);
        Assert.Equal(["default/web-lockdown", "default/web-allow-db"], egress.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task An_end_that_is_neither_workload_nor_address_is_a_usage_error()
    {
        var run = await Check("--from", "web-9", "--to", "10.1", "--port", "80");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: --from: \"web-9\" is neither a workload in the inventory nor an IP address\n"
            + "error: --to: \"10.1\" is neither a workload in the inventory nor an IP address\n",
            run.Error);
    }

    [Fact]
    public async Task Invalid_policies_are_reported_and_nothing_is_decided()
    {
        var run = await CliRun.Of(
            "check", "-f", "tests/Ztap.Cli.Tests/TestData/invalid-policies.yaml", "-i", "examples/inventory.yaml",
            "--from", "web-1", "--to", "db-1", "--port", "5432");

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        Assert.EndsWith("3 errors, 1 warning; nothing was checked\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("invalid-policies.yaml:18:17: error: default/web-egress spec.egress[0].ports[0].port:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_inventory_is_reported_and_nothing_is_decided()
    {
        var run = await CliRun.Of(
            "check", "-f", "examples/policies", "-i", "tests/Ztap.Cli.Tests/TestData/invalid-inventory.yaml",
            "--from", "web-1", "--to", "db-1", "--port", "5432");

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        Snapshot.Matches("check-invalid-inventory.txt", run.Error);
    }
}
