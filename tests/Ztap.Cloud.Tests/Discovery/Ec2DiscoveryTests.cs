using System.Net;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.Tests.FakeEc2;
using Ztap.Core.Diagnostics;

namespace Ztap.Cloud.Tests.Discovery;

public sealed class Ec2DiscoveryTests
{
    [Fact]
    public async Task Tags_become_labels_with_the_prefix_stripped_and_the_namespace_from_its_tag()
    {
        await using var server = new FakeEc2Server(new FakeEc2Api());
        server.Ec2.State.AddVpc("vpc-1");
        server.Ec2.State.AddInstance("i-web", "vpc-1", "10.0.0.5,2001:db8::5", new Dictionary<string, string>
        {
            ["ztap:namespace"] = "prod",
            ["ztap:app"] = "web",
            ["tier"] = "frontend",
            ["aws:cloudformation:stack-name"] = "stack",
        });

        var result = await Discover(server);

        var instance = Assert.Single(result.Instances);
        Assert.Equal("prod", instance.Namespace);
        Assert.Equal("app=web,tier=frontend", instance.Labels.ToString());
        Assert.Equal(["10.0.0.5", "2001:db8::5"], instance.Addresses.Select(a => a.ToString()));
        Assert.Equal("vpc-1", instance.VpcId);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task Tags_that_cannot_be_labels_are_reported_naming_the_instance_and_the_tag()
    {
        await using var server = new FakeEc2Server(new FakeEc2Api());
        server.Ec2.State.AddVpc("vpc-1");
        server.Ec2.State.AddInstance("i-1", "vpc-1", "10.0.0.5", new Dictionary<string, string>
        {
            ["Cost Center"] = "42",
            ["owner"] = "Jane Doe",
            ["app"] = "web",
        });

        var result = await Discover(server);

        Assert.Equal("app=web", result.Instances[0].Labels.ToString());
        Assert.Equal(2, result.Diagnostics.Length);
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains(result.Diagnostics, d => d.Subject == "i-1" && d.FieldPath == "tags[Cost Center]");
        Assert.Contains(result.Diagnostics, d => d.Subject == "i-1" && d.FieldPath == "tags[owner]" && d.Message.Contains("Jane Doe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ports_tag_names_ports_and_reports_entries_it_cannot_read()
    {
        await using var server = new FakeEc2Server(new FakeEc2Api());
        server.Ec2.State.AddVpc("vpc-1");
        server.Ec2.State.AddInstance("i-1", "vpc-1", "10.0.0.5", new Dictionary<string, string> { ["ztap:ports"] = "http=8080, dns=53/UDP, 80" });

        var result = await Discover(server);

        Assert.Equal(["http:8080/Tcp", "dns:53/Udp"], result.Instances[0].NamedPorts.Select(p => $"{p.Name}:{p.Port}/{p.Protocol}"));
        Assert.Contains("'80' is not a named port", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_namespace_tag_is_an_error()
    {
        await using var server = new FakeEc2Server(new FakeEc2Api());
        server.Ec2.State.AddVpc("vpc-1");
        server.Ec2.State.AddInstance("i-1", "vpc-1", "10.0.0.5", new Dictionary<string, string> { ["ztap:namespace"] = "Prod_1" });

        var result = await Discover(server);

        Assert.True(result.HasErrors);
        Assert.Contains("Prod_1", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_is_read_and_stopped_instances_are_left_out()
    {
        var ec2 = new FakeEc2Api();
        ec2.State.PageSizeCap = 5;
        await using var server = new FakeEc2Server(ec2);
        ec2.State.AddVpc("vpc-1");
        for (var i = 0; i < 12; i++)
        {
            ec2.State.AddInstance($"i-{i:d2}", "vpc-1", $"10.0.0.{i + 1}");
        }

        ec2.State.AddInstance("i-stopped", "vpc-1", "10.0.1.1", state: "stopped");

        var result = await Discover(server);

        Assert.Equal(12, result.Instances.Length);
        Assert.DoesNotContain(result.Instances, i => i.InstanceId == "i-stopped");
        Assert.Equal(3, ec2.Calls.Count(c => c == "DescribeInstances"));
    }

    [Fact]
    public async Task Instances_become_workloads_of_the_inventory()
    {
        await using var server = new FakeEc2Server(new FakeEc2Api());
        server.Ec2.State.AddVpc("vpc-1");
        server.Ec2.State.AddInstance("i-1", "vpc-1", "10.0.0.5", new Dictionary<string, string> { ["app"] = "db" });
        var source = new Ec2InventorySource(new Ec2Discovery(server.Client(), DiscoveryOptions.Default, "eu-west-1"));

        var result = await source.LoadAsync(CancellationToken.None);

        var workload = result.Inventory.FindByAddress(IPAddress.Parse("10.0.0.5"));
        Assert.NotNull(workload);
        Assert.Equal("default/i-1", workload.QualifiedName);
        Assert.Equal("aws:eu-west-1", source.Description);
    }

    private static Task<DiscoveryResult> Discover(FakeEc2Server server) =>
        new Ec2Discovery(server.Client(), DiscoveryOptions.Default, "eu-west-1").DiscoverAsync(CancellationToken.None);
}
