using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Engine;

/// <summary>
/// A small cluster in the shape the Kubernetes documentation uses for its NetworkPolicy examples:
/// namespaces prod, dev and kube-system with web, api and db workloads.
/// </summary>
internal static class KubernetesWorld
{
    public static WorkloadInventory Inventory { get; } = new(
        [
            WorkloadNamespace.Create("prod", Labels(("env", "prod"))),
            WorkloadNamespace.Create("dev", Labels(("env", "dev"))),
            WorkloadNamespace.Create("kube-system", LabelSet.Empty),
        ],
        [
            Workload("prod", "web-1", "10.0.1.1", Labels(("app", "web"), ("tier", "frontend")), new NamedPort("http", 8080, Protocol.Tcp)),
            Workload("prod", "web-2", "10.0.1.2", Labels(("app", "web"), ("tier", "frontend"))),
            Workload("prod", "api-1", "10.0.2.1", Labels(("app", "api"), ("tier", "backend")), new NamedPort("http", 9090, Protocol.Tcp)),
            Workload("prod", "db-1", "10.0.3.1", Labels(("app", "db"), ("tier", "data"))),
            Workload("prod", "api6-1", "fd00::2:1", Labels(("app", "api6"))),
            Workload("dev", "web-1", "10.1.1.1", Labels(("app", "web"))),
            Workload("dev", "db-1", "10.1.3.1", Labels(("app", "db"))),
            Workload("kube-system", "coredns", "10.96.0.10", Labels(("k8s-app", "kube-dns"))),
        ]);

    /// <summary>Reads policies from YAML and fails the test on any error, so a case can only test what it says.</summary>
    public static ImmutableArray<NetworkPolicy> Policies(string yaml)
    {
        var result = PolicyLoader.Parse(yaml, "case.yaml", Ztap.Core.Yaml.InputLimits.Default);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        return result.Policies;
    }

    /// <summary>An inventory workload's address, or the literal address for anything outside the inventory.</summary>
    public static IPAddress Address(string reference) =>
        IPAddress.TryParse(reference, out var address) ? address : Inventory.FindByName(reference)!.Addresses[0];

    private static LabelSet Labels(params (string Key, string Value)[] labels) =>
        LabelSet.From(labels.Select(l => KeyValuePair.Create(l.Key, l.Value)));

    private static Workload Workload(string ns, string name, string address, LabelSet labels, params NamedPort[] ports) =>
        new(name, ns, labels, [IPAddress.Parse(address)], [.. ports], new SourceLocation("inventory", 1, 1));
}
