using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Ebpf;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class VerdictMatrixTests(ProbeBinary probe)
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
        (Outsider, Api, Protocol.Tcp, 443), (Outsider, Api, Protocol.Tcp, 80), (Excepted, Api, Protocol.Tcp, 443),
        (Outsider, Web, Protocol.Tcp, 8080), (Outsider, Db, Protocol.Tcp, 5432), (Excepted, Batch, Protocol.Udp, 9000),
        (Web, Api, Protocol.Sctp, 9000), (Web, Api, Protocol.Sctp, 8000), (Batch, Api, Protocol.Sctp, 9000),
        (Web, Db, Protocol.Sctp, 9000), (Batch, Db, Protocol.Sctp, 9000), (Outsider, Api, Protocol.Sctp, 443),
        (Excepted, Api, Protocol.Sctp, 443), (Batch, Outsider, Protocol.Sctp, 9000),
    ];

    [RootFact]
    public async Task The_kernel_decides_every_TCP_UDP_SCTP_and_ICMP_flow_as_the_engine_does_over_IPv4_and_IPv6()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        var engine = new PolicyEngine(set);

        var rows = new List<string>();
        var mismatches = new List<string>();
        foreach (var (from, to, protocol, port) in Flows)
        {
            foreach (var (source, destination) in new[] { (from.V4, to.V4), (from.V6, to.V6) })
            {
                var flow = new Flow(source, destination, protocol, port);
                var expected = engine.Decide(flow);
                var outcome = estate.Attempt(from, flow);
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
    public async Task A_denied_connect_from_an_enforced_workload_fails_at_once_with_EPERM()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        await scene.Enforcer.ApplyAsync(estate.Compile(MatrixPolicies.Yaml), new EnforcementOptions(), CancellationToken.None);

        // A 60 s timeout: only an immediate refusal by the connect hook can end the attempt as eperm.
        Assert.Equal("eperm", estate.Attempt(Web, new Flow(Web.V4, Db.V4, Protocol.Tcp, 6379), timeoutMs: 60_000));
        Assert.Equal("eperm", estate.Attempt(Web, new Flow(Web.V6, Outsider.V6, Protocol.Udp, 9000), timeoutMs: 60_000));
    }

    [RootFact]
    public async Task Replies_of_allowed_flows_pass_both_ways_through_enforced_workloads()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        await scene.Enforcer.ApplyAsync(estate.Compile(MatrixPolicies.Yaml), new EnforcementOptions(), CancellationToken.None);

        var session = scene.Open(estate.CgroupOf(Web), Web.Side, "stream", Web.V4.ToString(), Api.V4.ToString(), "8001", "2000");
        Assert.Equal("allow", session.ReadLine());
        Assert.Equal(["allow", "allow", "allow"], new[] { session.Next(), session.Next(), session.Next() });
    }

    private static Verdict? Observed(string outcome) => outcome switch
    {
        "allow" => Verdict.Allow,
        "eperm" or "timeout" => Verdict.Deny,
        _ => null,
    };
}
