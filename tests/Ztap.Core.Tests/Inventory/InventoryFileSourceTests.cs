using System.Net;
using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Inventory;

public sealed class InventoryFileSourceTests
{
    private const string File = "inventory.yaml";

    private const string Example = """
        namespaces:
          - name: prod
            labels: {env: prod}
        workloads:
          - name: web-1
            namespace: prod
            ips: [10.0.1.1, "fd00::1"]
            labels: {app: web, tier: frontend}
            ports:
              - {name: http, port: 8080, protocol: TCP}
              - {name: dns, port: 53, protocol: udp}
              - {name: metrics, port: 9090}
          - name: db-1
            ips: [10.0.2.1]
        """;

    private static InventoryLoadResult Parse(string yaml) => InventoryFileSource.Parse(yaml, File);

    private static Diagnostic SingleError(string yaml)
    {
        var result = Parse(yaml);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Same(WorkloadInventory.Empty, result.Inventory);
        return error;
    }

    [Fact]
    public void Every_field_of_a_workload_is_read()
    {
        var result = Parse(Example);

        Assert.Empty(result.Diagnostics);
        var web = result.Inventory.FindByName("prod/web-1")!;
        Assert.Equal([IPAddress.Parse("10.0.1.1"), IPAddress.Parse("fd00::1")], web.Addresses.ToArray());
        Assert.Equal("app=web,tier=frontend", web.Labels.ToString());
        Assert.Equal(
            [new NamedPort("http", 8080, Protocol.Tcp), new NamedPort("dns", 53, Protocol.Udp), new NamedPort("metrics", 9090, Protocol.Tcp)],
            web.NamedPorts.ToArray());
        Assert.Equal(new SourceLocation(File, 5, 5), web.Origin);
        Assert.Same(web, result.Inventory.FindByAddress(IPAddress.Parse("fd00::1")));
    }

    [Fact]
    public void Namespace_defaults_to_default_and_carries_its_name_label()
    {
        var inventory = Parse(Example).Inventory;

        Assert.Equal("default", inventory.FindByName("db-1")!.Namespace);
        Assert.Equal(["default", "prod"], inventory.Namespaces.Select(n => n.Name));
        Assert.Equal(
            LabelSet.From([new("env", "prod"), new(WorkloadNamespace.NameLabel, "prod")]),
            inventory.NamespaceLabels("prod"));
    }

    [Fact]
    public void An_empty_file_is_an_empty_inventory()
    {
        var result = Parse("# nothing yet\n");

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Inventory.Workloads);
    }

    [Fact]
    public void Documents_of_one_file_make_one_inventory()
    {
        var result = Parse("workloads: [{name: a, ips: [10.0.0.1]}]\n---\nworkloads: [{name: b, ips: [10.0.0.2]}]\n");

        Assert.Equal(["a", "b"], result.Inventory.Workloads.Select(w => w.Name));
    }

    [Theory]
    [InlineData("workload: []", 1, 1, "workload", "unknown field 'workload'; did you mean 'workloads'?")]
    [InlineData("workloads: [{name: web, ips: [10.0.0.1], lables: {}}]", 1, 42, "workloads[0].lables", "unknown field 'lables'; did you mean 'labels'?")]
    [InlineData("workloads: [{name: web, ips: [10.0.0.300]}]", 1, 31, "workloads[0].ips[0]", "'10.0.0.300' is not an IP address such as 10.0.1.1 or fd00::1")]
    [InlineData("workloads: [{name: web, ips: [10.0.0.1/32]}]", 1, 31, "workloads[0].ips[0]", "'10.0.0.1/32' is not an IP address such as 10.0.1.1 or fd00::1")]
    [InlineData("workloads: [{name: web, ips: [10.0.0.1, 10.0.0.1]}]", 1, 41, "workloads[0].ips[1]", "10.0.0.1 is listed twice")]
    [InlineData("workloads: [{name: web, ips: []}]", 1, 30, "workloads[0].ips", "ips needs at least one address")]
    [InlineData("workloads: [{name: web}]", 1, 13, "workloads[0].ips", "ips is required, with at least one address")]
    [InlineData("workloads: [{ips: [10.0.0.1]}]", 1, 13, "workloads[0].name", "name is required")]
    [InlineData("workloads: [{name: Web, ips: [10.0.0.1]}]", 1, 20, "workloads[0].name", "invalid workload name 'Web': use at most 253 lowercase letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit")]
    [InlineData("workloads: [{name: web, namespace: Prod, ips: [10.0.0.1]}]", 1, 36, "workloads[0].namespace", "invalid namespace 'Prod': use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit")]
    [InlineData("workloads: [{name: web, ips: [10.0.0.1], labels: {app: 1}}]", 1, 56, "workloads[0].labels.app", "expected a string, found the number 1; quote it to use it as text: \"1\"")]
    [InlineData("workloads: [{name: web, ips: [10.0.0.1], labels: {-app: web}}]", 1, 51, "workloads[0].labels.-app", "invalid label key '-app': use letters, digits, '-', '_' and '.', starting and ending with a letter or digit")]
    [InlineData("workloads: [web]", 1, 13, "workloads[0]", "expected a mapping, found the string 'web'")]
    [InlineData("namespaces: {prod: {}}", 1, 13, "namespaces", "expected a list, found a mapping")]
    [InlineData("namespaces: [{name: prod.eu}]", 1, 21, "namespaces[0].name", "invalid namespace 'prod.eu': use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit")]
    [InlineData("namespaces: [{name: prod, labels: {kubernetes.io/metadata.name: dev}}]", 1, 14, "namespaces[0].labels.kubernetes.io/metadata.name", "kubernetes.io/metadata.name is always the namespace's own name, 'prod'")]
    public void Mistakes_are_reported_with_position_and_path(string yaml, int line, int column, string path, string message)
    {
        var error = SingleError(yaml);

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal(new SourceLocation(File, line, column), error.Location);
    }

    [Theory]
    [InlineData("{name: http}", 67, "workloads[0].ports[0].port", "port is required")]
    [InlineData("{port: 80}", 67, "workloads[0].ports[0].name", "name is required")]
    [InlineData("{name: HTTP, port: 80}", 74, "workloads[0].ports[0].name", "invalid port name 'HTTP': a port name has 1 to 15 lowercase letters, digits and '-', at least one letter, and no '-' at either end or twice in a row")]
    [InlineData("{name: http, port: 0}", 86, "workloads[0].ports[0].port", "expected a port number from 1 to 65535, found the number 0")]
    [InlineData("{name: http, port: \"80\"}", 86, "workloads[0].ports[0].port", "expected a port number from 1 to 65535, found the string '80'")]
    [InlineData("{name: ping, port: 1, protocol: ICMP}", 99, "workloads[0].ports[0].protocol", "unsupported protocol 'ICMP' for a named port; expected TCP, UDP or SCTP")]
    [InlineData("{name: http, port: 80}, {name: http, port: 81}", 98, "workloads[0].ports[1].name", "the port name 'http' is used twice in this workload")]
    public void Named_port_mistakes_are_reported(string ports, int column, string path, string message)
    {
        var error = SingleError($"workloads: [{{name: web, namespace: prod, ips: [10.0.0.1], ports: [{ports}]}}]");

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal((1, column), (error.Location.Line, error.Location.Column));
        Assert.Equal("prod/web", error.Subject);
    }

    [Fact]
    public void An_item_that_is_no_workload_is_not_named_after_the_workload_before_it()
    {
        var error = SingleError("""
            workloads:
              - {name: web-1, namespace: prod, ips: [10.0.1.1]}
              - just text
            """);

        Assert.Equal(("workloads[1]", null), (error.FieldPath, error.Subject));
    }

    [Fact]
    public void An_address_used_by_two_workloads_names_both()
    {
        var error = SingleError("""
            workloads:
              - {name: web-1, namespace: prod, ips: [10.0.1.1]}
              - {name: web-2, namespace: prod, ips: ["fd00::2", 10.0.1.1]}
            """);

        Assert.Equal("address 10.0.1.1 is used by both prod/web-1 (at inventory.yaml:2:5) and prod/web-2", error.Message);
        Assert.Equal(("workloads[1].ips[1]", "prod/web-2"), (error.FieldPath, error.Subject));
        Assert.Equal(new SourceLocation(File, 3, 53), error.Location);
    }

    [Fact]
    public void A_workload_refused_for_a_taken_address_claims_none_of_its_name_and_addresses()
    {
        var error = SingleError("""
            workloads:
              - {name: web-1, ips: [10.0.1.1]}
              - {name: web-2, ips: [10.0.1.2, "fd00::2", 10.0.1.1]}
              - {name: web-2, ips: [10.0.1.2, "fd00::2"]}
            """);

        Assert.Equal("address 10.0.1.1 is used by both default/web-1 (at inventory.yaml:2:5) and default/web-2", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void A_workload_defined_twice_in_a_namespace_is_an_error()
    {
        var error = SingleError("""
            workloads:
              - {name: web, ips: [10.0.1.1]}
              - {name: web, namespace: default, ips: [10.0.1.2]}
            """);

        Assert.Equal("workload default/web is defined twice; the first definition is at inventory.yaml:2:5", error.Message);
        Assert.Equal(new SourceLocation(File, 3, 12), error.Location);
    }

    [Fact]
    public void The_same_name_in_two_namespaces_is_two_workloads()
    {
        var result = Parse("workloads:\n  - {name: web, namespace: a, ips: [10.0.0.1]}\n  - {name: web, namespace: b, ips: [10.0.0.2]}\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Inventory.Workloads.Length);
    }

    [Fact]
    public void A_namespace_defined_twice_is_an_error()
    {
        var error = SingleError("namespaces:\n  - name: prod\n  - name: prod\n");

        Assert.Equal("namespace prod is defined twice; the first definition is at inventory.yaml:2:11", error.Message);
        Assert.Equal(("namespaces[1].name", "prod"), (error.FieldPath, error.Subject));
    }

    [Fact]
    public void Every_mistake_is_reported_and_nothing_is_built()
    {
        var result = Parse("""
            workloads:
              - {name: a, ips: [10.0.0.1], labels: {app: 1}}
              - {name: b, ips: [bad]}
              - {name: c, ips: [10.0.0.3]}
            """);

        Assert.Equal(["workloads[0].labels.app", "workloads[1].ips[0]"], result.Diagnostics.Select(d => d.FieldPath));
        Assert.True(result.HasErrors);
        Assert.Same(WorkloadInventory.Empty, result.Inventory);
    }

    [Fact]
    public void Aliases_are_refused()
    {
        var error = SingleError("workloads:\n  - {name: a, ips: [10.0.0.1], labels: &l {app: web}}\n  - {name: b, ips: [10.0.0.2], labels: *l}\n");

        Assert.Equal("YAML aliases are not allowed in an inventory", error.Message);
    }

    [Fact]
    public async Task A_missing_file_is_an_error_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ztap-missing-{Guid.NewGuid():N}.yaml");
        var source = new InventoryFileSource(path);

        var result = await source.LoadAsync(CancellationToken.None);

        Assert.Equal(path, source.Description);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((path, "no such file or directory"), (error.Location.File, error.Message));
        Assert.Same(WorkloadInventory.Empty, result.Inventory);
    }

    [Fact]
    public async Task A_file_is_read_from_disk_within_the_limits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ztap-inventory-{Guid.NewGuid():N}.yaml");
        await System.IO.File.WriteAllTextAsync(path, Example);
        try
        {
            var loaded = await new InventoryFileSource(path).LoadAsync(CancellationToken.None);
            var limited = await new InventoryFileSource(path, new InputLimits { MaxFileBytes = 100 }).LoadAsync(CancellationToken.None);

            Assert.Equal(2, loaded.Inventory.Workloads.Length);
            Assert.Equal(path, loaded.Inventory.Workloads[0].Origin.File);
            Assert.Contains("InputLimits.MaxFileBytes", Assert.Single(limited.Diagnostics).Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Replicas_share_their_labels_and_ports()
    {
        var inventory = Parse("""
            workloads:
              - {name: web-1, ips: [10.0.1.1], labels: {app: web, tier: frontend}, ports: [{name: http, port: 8080}]}
              - {name: web-2, ips: [10.0.1.2], labels: {tier: frontend, app: web}, ports: [{name: http, port: 8080}]}
              - {name: db-1, ips: [10.0.2.1], labels: {app: db}, ports: [{name: http, port: 8081}]}
            """).Inventory;

        var (web1, web2, db) = (inventory.FindByName("web-1")!, inventory.FindByName("default/web-2")!, inventory.FindByName("db-1")!);
        Assert.Same(web1.Labels, web2.Labels);
        Assert.True(web1.NamedPorts == web2.NamedPorts, "the same port list");
        Assert.Equal("app=db", db.Labels.ToString());
        Assert.Equal(8081, Assert.Single(db.NamedPorts).Port);
        Assert.Null(inventory.FindByName("other/web-1"));
    }

    [Fact]
    public void A_label_set_of_many_keys_is_sorted_and_keeps_the_last_of_a_repeated_key()
    {
        var pairs = Enumerable.Range(0, 20).Select(i => KeyValuePair.Create($"k{19 - i:D2}", $"v{i}")).ToList();
        pairs.Add(KeyValuePair.Create("k05", "last"));

        var labels = LabelSet.From(pairs);

        Assert.Equal(20, labels.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"k{i:D2}"), labels.Select(pair => pair.Key));
        Assert.True(labels.TryGetValue("k05", out var value));
        Assert.Equal("last", value);
        Assert.Equal(labels, LabelSet.From(labels));
    }
}
