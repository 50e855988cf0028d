using System.CommandLine;
using System.Text.Json;
using Ztap.Cli;
using Ztap.Cli.Commands;
using Ztap.Cloud.Aws;
using Ztap.Cloud.Tests.FakeEc2;
using Ztap.Cloud.Tests.Sync;

namespace Ztap.Cloud.Tests.Cli;

/// <summary>The <c>ztap cloud</c> verbs run in-process against the fake, configured only through AWS environment variables.</summary>
public sealed class CloudCommandTests : IAsyncLifetime
{
    private readonly FakeEc2Server _server = new(new FakeEc2Api());
    private readonly string _policies = Path.Combine(Path.GetTempPath(), $"ztap-cloud-{Guid.NewGuid():N}.yaml");

    public Task InitializeAsync()
    {
        _server.Ec2.State.AddVpc("vpc-1");
        _server.Ec2.State.AddInstance("i-web", "vpc-1", "10.0.1.10", new Dictionary<string, string> { ["app"] = "web", ["Team Name"] = "x" });
        _server.Ec2.State.AddInstance("i-db", "vpc-1", "10.0.2.10", new Dictionary<string, string> { ["app"] = "db" });
        File.WriteAllText(_policies, Policies.DbFromWeb().Replace("namespace: prod", "namespace: default", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Discover_lists_instances_with_labels_and_warns_about_tags()
    {
        var (code, output, error) = await Run("discover");

        Assert.Equal(0, code);
        Assert.Contains("i-db      default    vpc-1  running  10.0.2.10  app=db", output, StringComparison.Ordinal);
        Assert.Contains("2 instances in eu-west-1", output, StringComparison.Ordinal);
        Assert.Contains("tags[Team Name]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_dry_run_prints_the_plan_and_changes_nothing()
    {
        var (code, output, _) = await Run("sync", "-f", _policies, "--dry-run");

        Assert.Equal(0, code);
        Assert.StartsWith("plan for eu-west-1: 4 changes (4 API calls)", output, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing was changed", output, StringComparison.Ordinal);
        Assert.Equal(0, _server.Ec2.MutatingCalls);
    }

    [Fact]
    public async Task Sync_applies_and_a_second_sync_is_in_sync()
    {
        var (first, _, _) = await Run("sync", "-f", _policies);
        var (second, output, _) = await Run("sync", "-f", _policies, "-o", "json");

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("inSync").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("apiCalls").GetInt32());
    }

    [Fact]
    public async Task A_failed_step_is_one_line_and_exit_code_5()
    {
        _server.Ec2.FailMutation(2, "UnauthorizedOperation");

        var (code, _, error) = await Run("sync", "-f", _policies);

        Assert.Equal(5, code);
        Assert.Contains("step 2 of 4", error, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_region_is_one_line_and_exit_code_5()
    {
        var (code, output, error) = await Run(new AwsEnvironment(_ => null), "discover", "--profile", "ztap-test-missing");

        Assert.Equal(5, code);
        Assert.Empty(output);
        Assert.Equal("error: connecting to AWS: no AWS region: pass --region, or set AWS_REGION or AWS_DEFAULT_REGION, or a region in the profile", error.Trim());
    }

    public async Task DisposeAsync()
    {
        File.Delete(_policies);
        await _server.DisposeAsync();
    }

    private Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = _server.Url,
            ["AWS_ACCESS_KEY_ID"] = "AKIAFAKE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        };
        return Run(new AwsEnvironment(name => variables.GetValueOrDefault(name)), args);
    }

    private static async Task<(int Code, string Output, string Error)> Run(AwsEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var (cloud, _, _) = CloudCommand.Create(CliConsole.Plain(output, error), environment);
        var code = await cloud.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
