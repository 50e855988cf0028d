using System.Text.Json;

namespace Ztap.Cli.Tests;

public sealed class ValidateCommandTests
{
    private const string Invalid = "tests/Ztap.Cli.Tests/TestData/invalid-policies.yaml";

    [Fact]
    public async Task The_examples_are_valid()
    {
        var run = await CliRun.Of("validate", "-f", "examples/policies", "examples/kubernetes");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal("12 policies in 8 files: valid\n", run.Out);
    }

    [Fact]
    public async Task The_examples_as_json_list_every_policy()
    {
        var run = await CliRun.Of("validate", "-f", "examples/policies", "examples/kubernetes", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Matches("validate-examples.json", run.Out);
    }

    [Fact]
    public async Task Invalid_policies_print_every_problem_like_a_compiler_and_exit_1()
    {
        var run = await CliRun.Of("validate", "-f", Invalid);

        Assert.Equal((1, ""), (run.ExitCode, run.Error));
        Snapshot.Matches("validate-invalid.txt", run.Out);
    }

    [Fact]
    public async Task Invalid_policies_as_json_carry_each_diagnostic_field()
    {
        var run = await CliRun.Of("validate", "-f", Invalid, "-o", "json");

        Assert.Equal(1, run.ExitCode);
        Snapshot.Matches("validate-invalid.json", run.Out);
        using var document = JsonDocument.Parse(run.Out);
        Assert.False(document.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(3, document.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task Warnings_alone_keep_exit_code_0()
    {
        var run = await CliRun.Of("validate", "-f", "tests/Ztap.Cli.Tests/TestData/warning-only-policies.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("1 policy in 1 file: valid, 1 warning\n", run.Out, StringComparison.Ordinal);
        Assert.Contains(": warning: default/does-nothing spec:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_exits_3()
    {
        var run = await CliRun.Of("validate", "-f", "examples/policies", "examples/nothing-here.yaml");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("error: examples/nothing-here.yaml: no such file or directory\n", run.Error);
    }
}
