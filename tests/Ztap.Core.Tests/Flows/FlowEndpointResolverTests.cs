using System.Net;
using Ztap.Core.Diagnostics;
using Ztap.Core.Flows;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Flows;

public sealed class FlowEndpointResolverTests
{
    private static readonly WorkloadInventory Inventory = new(
        [],
        [
            Workload("prod", "web-1", "10.0.1.10", "2001:db8::10"),
            Workload("prod", "db-1", "2001:db8::20", "10.0.2.20"),
            Workload("default", "dns", "10.0.0.53"),
            Workload("prod", "v6-only", "2001:db8::30"),
            Workload("prod", "empty"),
        ]);

    private static Workload Workload(string ns, string name, params string[] addresses) =>
        new(name, ns, LabelSet.Empty, [.. addresses.Select(IPAddress.Parse)], [], new SourceLocation("inventory.yaml", 1, 1));

    private static (ResolvedFlow? Flow, List<string> Errors) Resolve(string source, string destination)
    {
        var diagnostics = new DiagnosticBag();
        var request = new FlowRequest(source, destination, Protocol.Tcp, 80, new SourceLocation("flows.csv", 3, 1));
        new FlowEndpointResolver(Inventory).TryResolve(request, diagnostics, out var flow);
        return (flow, diagnostics.ToImmutableSorted().Select(d => d.ToString()).ToList());
    }

    [Fact]
    public void A_workload_stands_for_its_first_address_when_both_ends_are_workloads()
    {
        var (flow, _) = Resolve("prod/web-1", "prod/db-1");

        Assert.Equal(IPAddress.Parse("10.0.1.10"), flow!.Source.Address);
        Assert.Equal(IPAddress.Parse("10.0.2.20"), flow.Destination.Address);
        Assert.Equal("prod/db-1 (10.0.2.20)", flow.Destination.ToString());
    }

    [Fact]
    public void A_workload_uses_its_first_address_of_the_other_ends_family()
    {
        var (flow, _) = Resolve("2001:db8::99", "prod/db-1");

        Assert.Equal(IPAddress.Parse("2001:db8::20"), flow!.Destination.Address);
        Assert.True(flow.Source.IsExternal);
    }

    [Fact]
    public void A_bare_name_means_the_default_namespace()
    {
        var (flow, _) = Resolve("dns", "10.0.0.1");

        Assert.Equal("default/dns", flow!.Source.Workload!.QualifiedName);
    }

    [Fact]
    public void An_inventory_address_stands_for_its_workload()
    {
        var (flow, _) = Resolve("10.0.1.10", "203.0.113.7");

        Assert.Equal("prod/web-1", flow!.Source.Workload!.QualifiedName);
        Assert.True(flow.Destination.IsExternal);
        Assert.Equal(new IPAddress([203, 0, 113, 7]), flow.Flow.Destination);
    }

    [Fact]
    public void Unknown_names_and_partial_addresses_are_reported_on_their_side()
    {
        var (flow, errors) = Resolve("prod/web-9", "10.1");

        Assert.Null(flow);
        Assert.Equal(
            [
                "flows.csv:3:1: error: src: \"prod/web-9\" is neither a workload in the inventory nor an IP address",
                "flows.csv:3:1: error: dst: \"10.1\" is neither a workload in the inventory nor an IP address",
            ],
            errors);
    }

    [Fact]
    public void Ends_without_a_common_address_family_are_reported()
    {
        Assert.Equal(
            ["flows.csv:3:1: error: dst: workloads default/dns and prod/v6-only share no address family"],
            Resolve("dns", "prod/v6-only").Errors);
        Assert.Equal(
            ["flows.csv:3:1: error: src: workload prod/v6-only has no IPv4 address to pair with 10.0.0.1"],
            Resolve("prod/v6-only", "10.0.0.1").Errors);
        Assert.Equal(
            ["flows.csv:3:1: error: dst: workload prod/empty has no address"],
            Resolve("prod/web-1", "prod/empty").Errors);
    }
}
