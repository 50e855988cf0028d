using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Enforcement.Ebpf.State;

namespace Ztap.Enforcement.Tests.Ebpf.State;

public sealed class EbpfNamesTests
{
    [Fact]
    public async Task A_replica_added_keeps_the_identities_descriptions_it_would_write_again()
    {
        var set = await ExampleEstate.CompileAsync();
        var names = EbpfNames.Of(set, null);
        var web = set.Inventory.FindByName("web-2")!;
        var scaled = Recompiled(set, web with { Name = "web-3", Addresses = [IPAddress.Parse("10.0.1.12")] });

        var kept = EbpfNames.Of(scaled, (set, names));

        Assert.True(scaled.HasIdentitiesOf(set));
        Assert.Equal((names.IdentitiesVersion, names.Identities), (kept.IdentitiesVersion, kept.Identities));
        Assert.Equal(EbpfNames.Of(scaled, null).Identities.AsEnumerable(), kept.Identities.AsEnumerable());
    }

    [Fact]
    public async Task A_workload_of_a_group_of_its_own_gets_its_identities_described_again()
    {
        var set = await ExampleEstate.CompileAsync();
        var names = EbpfNames.Of(set, null);
        var web = set.Inventory.FindByName("web-2")!;
        var canary = Recompiled(set, web with { Name = "web-canary", Labels = LabelSet.From([new("app", "web"), new("tier", "canary")]), Addresses = [IPAddress.Parse("10.0.1.13")] });

        var described = EbpfNames.Of(canary, (set, names));

        Assert.False(canary.HasIdentitiesOf(set));
        Assert.Equal(canary.Version, described.IdentitiesVersion);
        Assert.Equal(canary.Identities.Length, described.Identities.Length);
    }

    private static PolicySet Recompiled(PolicySet set, Workload added) =>
        PolicyCompiler.Compile(set.Policies, new WorkloadInventory(set.Inventory.Namespaces, set.Inventory.Workloads.Add(added)), set);
}
