using System.Text.Json;

namespace Ztap.Cli.Tests;

public sealed class CheckFlowsTests
{
    private static Task<CliRun> CheckFlows(string flows, params string[] args) =>
        CliRun.Of(["check", "-f", "examples/policies", "examples/kubernetes", "-i", "examples/inventory.yaml", "--flows", flows, .. args]);

    [Fact]
    public async Task The_example_flows_as_a_table()
    {
        var run = await CheckFlows("examples/flows.csv");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Snapshot.Matches("flows-examples.txt", run.Out);
    }

    [Fact]
    public async Task The_example_flows_as_json_one_object_per_row_in_input_order()
    {
        var run = await CheckFlows("examples/flows.csv", "-o", "json");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Snapshot.Matches("flows-examples.json", run.Out);
        using var document = JsonDocument.Parse(run.Out);
        var rows = File.ReadAllLines(RepositoryPaths.Of("examples/flows.csv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Skip(1)
            .Select(line => line.Split(',')[0])
            .ToList();
        Assert.Equal(rows, document.RootElement.EnumerateArray().Select(flow => flow.GetProperty("src").GetString()));
    }

    [Fact]
    public async Task Example_flows_cover_both_verdicts_on_both_sides()
    {
        var run = await CheckFlows("examples/flows.csv", "-o", "json");

        using var document = JsonDocument.Parse(run.Out);
        var flows = document.RootElement.EnumerateArray().ToList();
        Assert.Contains(flows, f => f.GetProperty("verdict").GetString() == "allow");
        Assert.Contains(flows, f => !f.GetProperty("egress").GetProperty("allowed").GetBoolean());
        Assert.Contains(flows, f => !f.GetProperty("ingress").GetProperty("allowed").GetBoolean());
        Assert.Contains(flows, f => f.GetProperty("port").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Fail_on_deny_exits_1_when_any_flow_is_denied()
    {
        var run = await CheckFlows("examples/flows.csv", "--fail-on-deny");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("28 flows: 15 allowed, 13 denied\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_rows_are_all_reported_with_their_line_and_nothing_is_decided()
    {
        var run = await CheckFlows("tests/Ztap.Cli.Tests/TestData/bad-flows.csv");

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        Snapshot.Matches("flows-bad.txt", run.Error);
    }

    [Fact]
    public async Task A_missing_flows_file_exits_3()
    {
        var run = await CheckFlows("examples/no-such-flows.csv");

        Assert.Equal((3, ""), (run.ExitCode, run.Out));
        Assert.Equal("error: examples/no-such-flows.csv: no such file or directory\n", run.Error);
    }
}
