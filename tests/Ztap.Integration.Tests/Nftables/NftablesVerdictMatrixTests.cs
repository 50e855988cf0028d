using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Ebpf;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Nftables;

/// <summary>
/// Each of the scene's two namespaces is a host enforcing with nftables: namespace a is web and
/// batch, namespace b is api and db, found by the addresses on their interfaces. The kernel must
/// decide every flow as the engine does, in both directions of each host.
/// </summary>
[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NftablesVerdictMatrixTests(ProbeBinary probe)
{
    private static readonly (SceneWorkload From, SceneWorkload To, Protocol Protocol, int Port)[] Flows =
    [
        (Web, Api, Protocol.Tcp, 80), (Web, Api, Protocol.Tcp, 443), (Web, Api, Protocol.Tcp, 7999),
        (Web, Api, Protocol.Tcp, 8000), (Web, Api, Protocol.Tcp, 8002), (Web, Api, Protocol.Tcp, 8003),
        (Web, Api, Protocol.Udp, 9000), (Web, Api, Protocol.Icmp, 0),
        (Web, Db, Protocol.Tcp, 5432), (Web, Db, Protocol.Tcp, 6379), (Web, Db, Protocol.Udp, 9000),
        (Web, Outsider, Protocol.Tcp, 80), (Web, Outsider, Protocol.Icmp, 0), (Web, Excepted, Protocol.Icmp, 0),
        (Web, Batch, Protocol.Tcp, 8080), (Web, Web, Protocol.Tcp, 8080),
        (Batch, Api, Protocol.Tcp, 80), (Batch, Api, Protocol.Tcp, 443), (Batch, Db, Protocol.Udp, 9000),
        (Batch, Db, Protocol.Tcp, 5432), (Batch, Db, Protocol.Icmp, 0), (Batch, Outsider, Protocol.Udp, 9000),
        (Batch, Web, Protocol.Tcp, 8080), (Batch, Web, Protocol.Icmp, 0),
        (Api, Db, Protocol.Tcp, 5432), (Api, Web, Protocol.Tcp, 8080), (Db, Batch, Protocol.Udp, 9000),
        (Db, Api, Protocol.Icmp, 0), (Api, Api, Protocol.Udp, 9000),
        (Outsider, Api, Protocol.Tcp, 443), (Outsider, Api, Protocol.Tcp, 80), (Excepted, Api, Protocol.Tcp, 443),
        (Outsider, Web, Protocol.Tcp, 8080), (Outsider, Db, Protocol.Tcp, 5432), (Excepted, Batch, Protocol.Udp, 9000),
    ];

    [RootFact]
    public async Task The_kernel_decides_every_flow_as_the_engine_does_over_IPv4_and_IPv6()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        foreach (var side in new[] { "a", "b" })
        {
            await scene.Nftables(side).ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        }

        var engine = new PolicyEngine(set);
        var rows = new List<string>();
        var mismatches = new List<string>();
        foreach (var (from, to, protocol, port) in Flows)
        {
            foreach (var (source, destination) in new[] { (from.V4, to.V4), (from.V6, to.V6) })
            {
                var flow = new Flow(source, destination, protocol, port);
                var expected = engine.Decide(flow);
                var outcome = estate.Attempt(from, flow, timeoutMs: 500);
                rows.Add($"{flow}: engine {expected}, kernel {outcome}");
                if (Observed(outcome) != expected)
                {
                    mismatches.Add(rows[^1]);
                }
            }
        }

        Assert.True(mismatches.Count == 0, "kernel and engine disagree:\n" + string.Join("\n", mismatches) + "\n\nall flows:\n" + string.Join("\n", rows));
        Assert.Contains(rows, r => r.Contains("engine Allow", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("engine Deny", StringComparison.Ordinal));
    }

    [RootFact]
    public async Task Replies_of_allowed_connections_pass_hosts_that_deny_everything_else_both_ways()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(LockedPolicies);
        foreach (var side in new[] { "a", "b" })
        {
            await scene.Nftables(side).ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        }

        // Web and api accept nothing and send nothing but web -> api: every answer that comes
        // back is a reply, which only connection tracking lets through.
        foreach (var (source, destination) in new[] { (Web.V4, Api.V4), (Web.V6, Api.V6) })
        {
            var session = scene.Open(estate.CgroupOf(Web), Web.Side, "stream", source.ToString(), destination.ToString(), "8001", "2000");
            Assert.Equal("allow", session.ReadLine());
            Assert.Equal(["allow", "allow", "allow"], new[] { session.Next(), session.Next(), session.Next() });
            Assert.Equal("allow", estate.Attempt(Web, new Flow(source, destination, Protocol.Udp, 9000)));
            Assert.Equal("allow", estate.Attempt(Web, new Flow(source, destination, Protocol.Icmp, 0)));
            Assert.Equal("timeout", estate.Attempt(Api, new Flow(destination, source, Protocol.Tcp, 8001), timeoutMs: 500));
        }
    }

    private const string LockedPolicies = """
        apiVersion: ztap/v1
        kind: NetworkPolicy
        metadata: {name: web-locked, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress: []
          egress:
            - to: {podSelector: {matchLabels: {app: api}}}
              ports: [{protocol: TCP, port: 8001}, {protocol: UDP, port: 9000}, {protocol: ICMP}]
        ---
        apiVersion: ztap/v1
        kind: NetworkPolicy
        metadata: {name: api-locked, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api}}
          egress: []
          ingress:
            - from: {podSelector: {matchLabels: {app: web}}}
              ports: [{protocol: TCP, port: 8001}, {protocol: UDP, port: 9000}, {protocol: ICMP}]
        """;

    // A packet dropped in the output hook fails its send with EPERM (UDP, ICMP); a dropped SYN or
    // a drop on the receiving host leaves the sender waiting.
    private static Verdict? Observed(string outcome) => outcome switch
    {
        "allow" => Verdict.Allow,
        "eperm" or "timeout" => Verdict.Deny,
        _ => null,
    };
}
