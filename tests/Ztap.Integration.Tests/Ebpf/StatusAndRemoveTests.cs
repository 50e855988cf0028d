using Ztap.Core.Engine;
using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Ebpf;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StatusAndRemoveTests(ProbeBinary probe)
{
    [RootFact]
    public async Task Status_shows_the_applied_version_the_attached_cgroups_and_counts_per_policy()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        estate.Attempt(Web, new Flow(Web.V4, Api.V4, Protocol.Tcp, 80));
        estate.Attempt(Batch, new Flow(Batch.V4, Db.V4, Protocol.Tcp, 5432));
        Assert.Equal("allow", estate.Attempt(Batch, new Flow(Batch.V4, Db.V4, Protocol.Udp, 9000)));

        var status = await scene.Enforcer.StatusAsync(CancellationToken.None);

        Assert.True(status.Installed);
        Assert.Equal(set.Version, status.PolicyVersion);
        Assert.Equal(["prod/api", "prod/batch", "prod/db", "prod/web"], status.Attached.Select(a => a.Workload).Order());
        Assert.Equal(set.Identities.Length, status.Identities.Length);
        Assert.Contains(status.Maps, m => m.Name == "ipcache" && m.Entries == set.Prefixes.Length);
        Assert.Contains(status.Maps, m => m.Name == "conntrack" && m.Entries >= 1);
        var db = status.Policies.Single(p => p.Policy == "prod/db-ingress");
        Assert.True(db.Denied >= 1, $"db-ingress denied {db.Denied}");
        Assert.True(status.Policies.Single(p => p.Policy == "prod/web-egress").Allowed >= 1);
    }

    [RootFact]
    public async Task Counts_of_policies_numbered_past_the_first_counter_block_go_to_those_policies()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var matrix = estate.Compile(MatrixPolicies.Yaml);

        // Policies that select nobody, listed first, number the matrix's own past the 64 counters of a block.
        var nobody = new LabelSelector(LabelSet.From([new("selects", "nobody")]), []);
        var padding = Enumerable.Range(0, 100).Select(i => matrix.Policies[0] with { Name = $"padding-{i}", PodSelector = nobody });
        var set = Ztap.Core.Compiler.PolicyCompiler.Compile([.. padding, .. matrix.Policies], matrix.Inventory);
        await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        estate.Attempt(Web, new Flow(Web.V4, Api.V4, Protocol.Tcp, 80));
        estate.Attempt(Batch, new Flow(Batch.V4, Db.V4, Protocol.Tcp, 5432));

        var status = await scene.Enforcer.StatusAsync(CancellationToken.None);

        Assert.Equal(set.Policies.Length, status.Policies.Length);
        Assert.True(status.Policies.Single(p => p.Policy == "prod/db-ingress").Denied >= 1);
        Assert.True(status.Policies.Single(p => p.Policy == "prod/web-egress").Allowed >= 1);
        Assert.All(status.Policies.Where(p => p.Policy.Contains("/padding-", StringComparison.Ordinal)), p => Assert.Equal((0ul, 0ul), (p.Allowed, p.Denied)));
    }

    [RootFact]
    public async Task A_set_too_large_for_the_datapath_is_refused_with_nothing_pinned_or_attached()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        var template = set.Policies[0];
        var tooMany = Enumerable.Range(0, 16_385).Select(i => template with { Name = $"copy-{i}" }).ToArray();
        var tooLarge = Ztap.Core.Compiler.PolicyCompiler.Compile(tooMany, set.Inventory);

        var refused = await Assert.ThrowsAsync<EnforcementException>(() => scene.Enforcer.ApplyAsync(tooLarge, new EnforcementOptions(), CancellationToken.None));

        Assert.Equal(EnforcementFailure.CapacityExceeded, refused.Failure);
        Assert.Contains("ZTAP_MAX_POLICIES", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(scene.Location.PinRoot) ? Directory.EnumerateFileSystemEntries(scene.Location.PinRoot) : []);
        Assert.False((await scene.Enforcer.StatusAsync(CancellationToken.None)).Installed);
    }

    [RootFact]
    public async Task Removing_detaches_everything_and_traffic_flows_unfiltered_again()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        await scene.Enforcer.ApplyAsync(estate.Compile(MatrixPolicies.Yaml), new EnforcementOptions(), CancellationToken.None);
        var denied = new Flow(Web.V4, Db.V4, Protocol.Tcp, 6379);
        Assert.Equal("eperm", estate.Attempt(Web, denied));

        var removed = await scene.Enforcer.RemoveAsync(CancellationToken.None);

        Assert.Equal(4, removed.DetachedCgroups.Length);
        Assert.False(Directory.Exists(scene.Location.PinRoot));
        Assert.False((await scene.Enforcer.StatusAsync(CancellationToken.None)).Installed);
        Assert.Equal("allow", estate.Attempt(Web, denied));
    }

    [RootFact]
    public async Task A_workload_leaving_the_inventory_is_detached_on_the_next_apply()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        var withoutWeb = Ztap.Core.Compiler.PolicyCompiler.Compile(
            set.Policies,
            new Ztap.Core.Inventory.WorkloadInventory(set.Inventory.Namespaces, set.Inventory.Workloads.Where(w => w.Name != "web")));

        var result = await scene.Enforcer.ApplyAsync(withoutWeb, new EnforcementOptions(), CancellationToken.None);

        Assert.Equal(["prod/web"], result.Detached.Select(d => d.Workload));
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Outsider.V4, Protocol.Tcp, 80)));
    }
}
