using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Ebpf;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Nftables;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NftablesStatusAndRemoveTests(ProbeBinary probe)
{
    [RootFact]
    public async Task Status_counts_decisions_per_policy_and_remove_takes_only_ztaps_table()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var netns = $"/run/netns/{scene.Namespace("b")}";
        Shell.Run("nsenter", $"--net={netns}", "nft", "add", "table", "inet", "bystander");
        var host = scene.Nftables("b");

        var applied = await host.ApplyAsync(estate.Compile(MatrixPolicies.Yaml), new EnforcementOptions(), CancellationToken.None);
        Assert.Equal(["prod/api", "prod/db"], applied.Attached.Select(a => a.Workload).Order());
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Api.V4, Protocol.Tcp, 8001)));
        Assert.Equal("timeout", estate.Attempt(Web, new Flow(Web.V4, Db.V4, Protocol.Tcp, 6379), timeoutMs: 300));

        var status = await host.StatusAsync(CancellationToken.None);
        Assert.True(status.Installed);
        Assert.Equal(applied.PolicyVersion, status.PolicyVersion);
        Assert.True(status.Policies.Single(p => p.Policy == "prod/api-ingress").Allowed > 0);
        Assert.True(status.Policies.Single(p => p.Policy == "prod/db-ingress").Denied > 0);

        var removed = await host.RemoveAsync(CancellationToken.None);
        Assert.True(removed.WasInstalled);
        Assert.False((await host.StatusAsync(CancellationToken.None)).Installed);
        var tables = Shell.Run("nsenter", $"--net={netns}", "nft", "list", "tables");
        Assert.Contains("table inet bystander", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("table inet ztap", tables, StringComparison.Ordinal);
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Db.V4, Protocol.Tcp, 6379)));
    }

    [RootFact]
    public async Task A_host_none_of_whose_addresses_is_in_the_inventory_is_refused_and_left_alone()
    {
        await using var scene = Scene.Create(probe);
        scene.AddAddress("a", IPAddress.Parse("10.77.9.9"));
        var estate = Estate.Build(scene);
        var host = scene.Nftables("a");
        var set = PolicyCompilerOver(estate);

        var error = await Assert.ThrowsAsync<EnforcementException>(() => host.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None));
        Assert.Equal(EnforcementFailure.InvalidInput, error.Failure);
        Assert.Contains("--workload", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ztap", Shell.Run("nsenter", $"--net=/run/netns/{scene.Namespace("a")}", "nft", "list", "tables"), StringComparison.Ordinal);
    }

    // The matrix policies over an inventory of namespace b's workloads only, so namespace a is no one.
    private static Core.Compiler.PolicySet PolicyCompilerOver(Estate estate)
    {
        var full = estate.Inventory();
        var onlyB = new Core.Inventory.WorkloadInventory(
            [Core.Inventory.WorkloadNamespace.Create("prod", Core.Labels.LabelSet.Empty)],
            full.Workloads.Where(w => w.Name is "api" or "db"));
        var loaded = Core.Policy.PolicyLoader.Parse(MatrixPolicies.Yaml, "policies.yaml", Core.Yaml.InputLimits.Default);
        return Core.Compiler.PolicyCompiler.Compile(loaded.Policies, onlyB);
    }
}
