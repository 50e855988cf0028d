using Amazon.EC2;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.Status;
using Ztap.Cloud.Sync;
using Ztap.Cloud.Tests.FakeEc2;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Cloud.Tests.Sync;

/// <summary>
/// A fake EC2 with one VPC and a sync that runs as <c>ztap cloud sync</c> does: discover, merge
/// with an optional on-prem inventory, compile the policies, plan and apply.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public const string Vpc = "vpc-1";

    private readonly FakeEc2Server _server;
    private readonly IAmazonEC2 _client;

    public SyncHarness()
    {
        _server = new FakeEc2Server(Ec2);
        _client = _server.Client();
        Ec2.State.AddVpc(Vpc);
    }

    public FakeEc2Api Ec2 { get; } = new();

    public FakeEc2State State => Ec2.State;

    public SyncLimits Limits { get; set; } = SyncLimits.Default;

    public WorkloadInventory OnPrem { get; set; } = WorkloadInventory.Empty;

    /// <summary>Adds a running instance in namespace prod with the given labels.</summary>
    public FakeInstance Instance(string id, string address, params (string Key, string Value)[] labels)
    {
        var tags = labels.ToDictionary(l => l.Key, l => l.Value);
        tags["ztap:namespace"] = "prod";
        return State.AddInstance(id, Vpc, address, tags);
    }

    public async Task<SyncPlan> PlanAsync(string policies)
    {
        var (set, instances) = await CompileAsync(policies);
        return await new Ec2Sync(_client).PlanAsync(set, instances, Limits, CancellationToken.None);
    }

    /// <summary>The hybrid view's AWS part, compared with <paramref name="policies"/> unless null.</summary>
    public async Task<CloudStatus> StatusAsync(string? policies)
    {
        if (policies is null)
        {
            var discovery = await DiscoverAsync();
            return await new Ec2Sync(_client).StatusAsync("eu-west-1", discovery.Instances, null, Limits, CancellationToken.None);
        }

        var (set, instances) = await CompileAsync(policies);
        return await new Ec2Sync(_client).StatusAsync("eu-west-1", instances, set, Limits, CancellationToken.None);
    }

    private Task<DiscoveryResult> DiscoverAsync() =>
        new Ec2Discovery(_client, DiscoveryOptions.Default, "eu-west-1").DiscoverAsync(CancellationToken.None);

    private async Task<(PolicySet Set, IReadOnlyList<Ec2Instance> Instances)> CompileAsync(string policies)
    {
        var discovery = await DiscoverAsync();
        var inventory = CompositeInventorySource.Merge(
            [new InventoryLoadResult(OnPrem, []), Ec2InventorySource.ToInventory(discovery, "aws:eu-west-1")]);
        Assert.False(inventory.HasErrors, string.Join('\n', inventory.Diagnostics));
        var loaded = PolicyLoader.Parse(policies, "policies.yaml", InputLimits.Default);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Diagnostics));
        return (PolicyCompiler.Compile(loaded.Policies, inventory.Inventory), discovery.Instances);
    }

    public Task<SyncResult> ApplyAsync(SyncPlan plan) => new Ec2Sync(_client).ApplyAsync(plan, CancellationToken.None);

    /// <summary>Plans and applies, failing the test if the plan has errors.</summary>
    public async Task<SyncPlan> SyncAsync(string policies)
    {
        var plan = await PlanAsync(policies);
        Assert.True(plan.CanApply, string.Join('\n', plan.Errors));
        await ApplyAsync(plan);
        return plan;
    }

    public FakeGroup Group(string name) => State.GroupNamed(Vpc, name);

    /// <summary>The names of the groups on an instance's first interface.</summary>
    public IEnumerable<string> GroupsOn(string instanceId) =>
        State.Instances[instanceId].Interfaces[0].GroupIds.Select(id => State.Groups[id].Name);

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return _server.DisposeAsync();
    }
}
