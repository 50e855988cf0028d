using Ztap.Cli.Agent;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Cli.Tests.Agent;

public sealed class ReloadScopeTests
{
    private const string Policies = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: api}}}]
              ports: [{protocol: TCP, port: 80}]
        """;

    private const string Inventory = """
        workloads:
          - {name: web-1, namespace: prod, ips: [10.0.0.1], labels: {app: web}}
          - {name: api-1, namespace: prod, ips: [10.0.0.2], labels: {app: api}}
        """;

    private static readonly IReadOnlyList<NetworkPolicy> Loaded = PolicyLoader.Parse(Policies, "policies.yaml", InputLimits.Default).Policies;

    private static readonly PolicySet InForce = Compile(Loaded, Inventory);

    [Fact]
    public void The_first_apply_is_compiled_in_full()
    {
        Assert.Equal("compiled in full", ReloadScope.Of(InForce, inForce: null));
    }

    [Fact]
    public void An_edited_policy_names_the_sides_compiled_again()
    {
        var edited = PolicyLoader.Parse(Policies.Replace("port: 80", "port: 81", StringComparison.Ordinal), "policies.yaml", InputLimits.Default).Policies;
        var set = PolicyCompiler.Compile(edited, InForce.Inventory, InForce);

        Assert.Equal($"an edit, 1 of {set.Identities.Length * 2} sides compiled again", ReloadScope.Of(set, InForce));
    }

    [Fact]
    public void A_replica_keeps_every_side()
    {
        var set = Compile(Loaded, Inventory + "\n  - {name: web-2, namespace: prod, ips: [10.0.0.3], labels: {app: web}}", InForce);

        Assert.Equal("workloads changed, every side kept", ReloadScope.Of(set, InForce));
    }

    [Fact]
    public void A_workload_of_a_group_of_its_own_is_compiled_in_full()
    {
        var set = Compile(Loaded, Inventory + "\n  - {name: db-1, namespace: prod, ips: [10.0.0.4], labels: {app: db}}", InForce);

        Assert.Equal("compiled in full", ReloadScope.Of(set, InForce));
    }

    private static PolicySet Compile(IReadOnlyList<NetworkPolicy> policies, string inventory, PolicySet? previous = null) =>
        PolicyCompiler.Compile(policies, InventoryFileSource.Parse(inventory, "inventory.yaml").Inventory, previous);
}
