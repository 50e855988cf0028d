using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

/// <summary>A small estate with policies using every datapath feature: named peers, port ranges, ipBlock except, ICMP, IPv6.</summary>
internal static class SampleEstate
{
    public const string Policies = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-ingress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{protocol: TCP, port: 80}, {protocol: TCP, port: 8000, endPort: 8002}]
            - from:
                - ipBlock: {cidr: 10.0.0.0/16, except: [10.0.9.0/24]}
                - ipBlock: {cidr: "fd00::/64", except: ["fd00::100/120"]}
              ports: [{protocol: TCP, port: 443}, {protocol: UDP, port: 7000, endPort: 7999}]
        ---
        apiVersion: ztap/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress:
            - to: {podSelector: {matchLabels: {app: api}}}
            - to: {ipBlock: {cidr: 10.0.0.0/8, except: [10.0.9.0/24]}}
              ports: [{protocol: ICMP}, {protocol: UDP, port: 53}]
            - ports: [{protocol: TCP, port: 8443}]
        """;

    public static readonly IPAddress[] Addresses =
    [
        IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), IPAddress.Parse("10.0.0.3"), IPAddress.Parse("10.0.9.9"),
        IPAddress.Parse("10.1.0.1"), IPAddress.Parse("192.0.2.1"), IPAddress.Parse("fd00::1"), IPAddress.Parse("fd00::2"),
        IPAddress.Parse("fd00::105"), IPAddress.Parse("2001:db8::1"),
    ];

    public static WorkloadInventory Inventory() => new(
        [],
        [
            Workload("web", "web", "10.0.0.1", "fd00::1"),
            Workload("api", "api", "10.0.0.2", "fd00::2"),
            Workload("batch", "batch", "10.0.0.3"),
        ]);

    public static PolicySet Compile(string policies = Policies)
    {
        var loaded = PolicyLoader.Parse(policies, "policies.yaml", InputLimits.Default);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return PolicyCompiler.Compile(loaded.Policies, Inventory());
    }

    private static Workload Workload(string name, string app, params string[] addresses) => new(
        name,
        "prod",
        LabelSet.From([KeyValuePair.Create("app", app)]),
        [.. addresses.Select(IPAddress.Parse)],
        [],
        new SourceLocation("inventory.yaml", 1, 1));
}
