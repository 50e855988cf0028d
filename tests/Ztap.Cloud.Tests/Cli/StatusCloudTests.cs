using System.CommandLine;
using System.Text.Json;
using Ztap.Cli;
using Ztap.Cli.Commands;
using Ztap.Cli.Output;
using Ztap.Cloud.Aws;
using Ztap.Cloud.Status;
using Ztap.Cloud.Tests.FakeEc2;
using Ztap.Cloud.Tests.Sync;
using Ztap.Enforcement;

namespace Ztap.Cloud.Tests.Cli;

/// <summary>
/// The AWS part of <c>ztap status</c> against the fake, configured through AWS environment
/// variables; the host part needs root and is covered by the enforcement tests.
/// </summary>
public sealed class StatusCloudTests : IAsyncLifetime
{
    private readonly FakeEc2Server _server = new(new FakeEc2Api());
    private readonly string _policies = Path.Combine(Path.GetTempPath(), $"ztap-status-{Guid.NewGuid():N}.yaml");

    public Task InitializeAsync()
    {
        _server.Ec2.State.AddVpc("vpc-1");
        _server.Ec2.State.AddInstance("i-web", "vpc-1", "10.0.1.10", new Dictionary<string, string> { ["app"] = "web" });
        _server.Ec2.State.AddInstance("i-db", "vpc-1", "10.0.2.10", new Dictionary<string, string> { ["app"] = "db" });
        File.WriteAllText(_policies, Policies.DbFromWeb().Replace("namespace: prod", "namespace: default", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Without_a_region_anywhere_the_aws_part_is_skipped()
    {
        var (status, code, error) = await Query(new AwsEnvironment(_ => null), "--profile", "ztap-test-missing");

        Assert.Null(status);
        Assert.Equal(0, code);
        Assert.Empty(error);
    }

    [Fact]
    public async Task No_cloud_skips_the_aws_part_even_when_configured()
    {
        var (status, code, _) = await Query("--no-cloud");

        Assert.Null(status);
        Assert.Equal(0, code);
        Assert.Empty(_server.Ec2.Calls);
    }

    [Fact]
    public async Task Without_policies_the_table_lists_instances_not_compared()
    {
        var (status, code, _) = await Query();

        Assert.Equal(0, code);
        var text = Table(status!);
        Assert.StartsWith("aws eu-west-1: 2 instances, 0 ztap groups, not compared (give -f POLICIES to compare)", text, StringComparison.Ordinal);
        Assert.Contains("i-db      default    vpc-1  10.0.2.10  <none>       -", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_policies_before_a_sync_the_selected_instance_is_out_of_sync()
    {
        var (status, code, _) = await Query("-f", _policies);

        Assert.Equal(0, code);
        var text = Table(status!);
        Assert.Contains("out of sync: 4 changes pending (ztap cloud sync applies them)", text, StringComparison.Ordinal);
        Assert.Contains("i-db      default    vpc-1  10.0.2.10  <none>       4 changes", text, StringComparison.Ordinal);
        Assert.Contains("i-web     default    vpc-1  10.0.1.10  <none>       in sync", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_sync_json_says_in_sync_with_the_groups_of_each_instance()
    {
        var (sync, _, _) = await RunCloud("sync", "-f", _policies);

        var (status, code, _) = await Query("-f", _policies);

        Assert.Equal(0, sync);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(Json(status));
        var aws = json.RootElement.GetProperty("aws");
        Assert.True(aws.GetProperty("inSync").GetBoolean());
        Assert.Equal(0, aws.GetProperty("pendingChanges").GetInt32());
        var db = aws.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == "i-db");
        Assert.Equal("in-sync", db.GetProperty("sync").GetString());
        Assert.Equal("ztap-default/db-from-web", Assert.Single(db.GetProperty("ztapGroups").EnumerateArray()).GetString());
    }

    [Fact]
    public void Json_has_aws_null_when_not_configured()
    {
        using var json = JsonDocument.Parse(Json(null));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("aws").ValueKind);
    }

    [Fact]
    public async Task Missing_credentials_with_a_region_are_one_line_and_exit_code_5()
    {
        var (status, code, error) = await Query(new AwsEnvironment(name => name == "AWS_REGION" ? "eu-west-1" : null), "--profile", "ztap-test-missing");

        Assert.Null(status);
        Assert.Equal(5, code);
        Assert.StartsWith("error: connecting to AWS: no AWS credentials in profile 'ztap-test-missing'", error.Trim(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_policies);
        await _server.DisposeAsync();
    }

    private static string Table(CloudStatus status)
    {
        using var output = new StringWriter();
        new CloudStatusTable(Palette.None).Write(status, output);
        return output.ToString();
    }

    /// <summary>The whole status document, with a host where nothing is enforced.</summary>
    private static string Json(CloudStatus? status)
    {
        using var output = new StringWriter();
        new StatusJsonRenderer().Render(new StatusReport(EnforcementStatusOfNothing(), status), output);
        return output.ToString();
    }

    private static EnforcementStatus EnforcementStatusOfNothing() =>
        new("ebpf", false, null, 0, null, EnforcementMode.Enforce, [], [], [], [], new VerdictTotals(0, 0, 0, 0));

    private Dictionary<string, string> Variables() => new()
    {
        ["AWS_DEFAULT_REGION"] = "eu-west-1",
        ["AWS_ENDPOINT_URL"] = _server.Url,
        ["AWS_ACCESS_KEY_ID"] = "AKIAFAKE",
        ["AWS_SECRET_ACCESS_KEY"] = "secret",
    };

    private Task<(CloudStatus? Status, int Code, string Error)> Query(params string[] args)
    {
        var variables = Variables();
        return Query(new AwsEnvironment(name => variables.GetValueOrDefault(name)), args);
    }

    private static async Task<(CloudStatus? Status, int Code, string Error)> Query(AwsEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new StatusOptions();
        var command = new Command("status");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        var (status, code) = await CloudStatusQuery.RunAsync(command.Parse(args), options, environment, CliConsole.Plain(output, error), CancellationToken.None);
        return (status, code, error.ToString());
    }

    private async Task<(int Code, string Output, string Error)> RunCloud(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = Variables();
        var (cloud, _, _) = CloudCommand.Create(CliConsole.Plain(output, error), new AwsEnvironment(name => variables.GetValueOrDefault(name)));
        var code = await cloud.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
