using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Ebpf;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Nftables;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NftablesDeniedLogTests(ProbeBinary probe)
{
    [RootFact]
    public async Task Denied_packets_reach_the_reader_as_flow_records_naming_the_policy_and_allowed_flows_do_not()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        var options = new EnforcementOptions { LogDenied = new DeniedPacketLog() };
        var hostA = scene.Nftables("a");
        var hostB = scene.Nftables("b");
        var appliedA = await hostA.ApplyAsync(set, options, CancellationToken.None);
        var appliedB = await hostB.ApplyAsync(set, options, CancellationToken.None);
        using var readerA = await hostA.OpenFlowReaderAsync(set, appliedA.Attached, CancellationToken.None);
        using var readerB = await hostB.OpenFlowReaderAsync(set, appliedB.Attached, CancellationToken.None);

        // Allowed flows first: the kernel logs in order, so the denial after them is the first record if they logged nothing.
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Api.V4, Protocol.Tcp, 8001)));
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V6, Db.V6, Protocol.Tcp, 5432)));
        Assert.Equal("timeout", estate.Attempt(Batch, new Flow(Batch.V4, Db.V4, Protocol.Tcp, 6379), timeoutMs: 300));
        Assert.Equal("eperm", estate.Attempt(Web, new Flow(Web.V6, Outsider.V6, Protocol.Udp, 8080)));

        var ingress = await FirstAsync(readerB);
        Assert.Equal((Batch.V4, Db.V4, Protocol.Tcp, 6379), (ingress.Source, ingress.Destination, ingress.Protocol, ingress.DestinationPort));
        Assert.NotEqual(0, ingress.SourcePort);
        Assert.Equal((Direction.Ingress, Verdict.Deny, true), (ingress.Direction, ingress.Verdict, ingress.Enforced));
        Assert.Equal(("prod/db-ingress", "prod/batch", "prod/db"), (ingress.Policy, ingress.SourceWorkload, ingress.DestinationWorkload));

        var egress = await FirstAsync(readerA);
        Assert.Equal((Web.V6, Outsider.V6, Protocol.Udp, 8080), (egress.Source, egress.Destination, egress.Protocol, egress.DestinationPort));
        Assert.Equal((Direction.Egress, Verdict.Deny, true), (egress.Direction, egress.Verdict, egress.Enforced));
        Assert.Equal(("prod/web-egress", "prod/web", null), (egress.Policy, egress.SourceWorkload, egress.DestinationWorkload));
        Assert.Equal(0, readerA.Dropped + readerB.Dropped);
    }

    [RootFact]
    public async Task Audit_mode_logs_the_first_packet_of_a_flow_it_would_deny_and_lets_it_pass()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        var host = scene.Nftables("b");
        var applied = await host.ApplyAsync(set, new EnforcementOptions(EnforcementMode.Audit) { LogDenied = new DeniedPacketLog() }, CancellationToken.None);
        using var reader = await host.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None);

        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Db.V4, Protocol.Tcp, 6379)));

        var audited = await FirstAsync(reader);
        Assert.Equal((Web.V4, Db.V4, 6379, Direction.Ingress), (audited.Source, audited.Destination, audited.DestinationPort, audited.Direction));
        Assert.Equal((Verdict.Deny, false, "prod/db-ingress"), (audited.Verdict, audited.Enforced, audited.Policy));
        var status = await host.StatusAsync(CancellationToken.None);
        Assert.Equal(1UL, status.Totals.Audited);
    }

    [RootFact]
    public async Task A_second_reader_of_the_group_and_a_reader_of_a_table_that_logs_nothing_are_refused()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        var logging = scene.Nftables("b");
        var silent = scene.Nftables("a");
        var applied = await logging.ApplyAsync(set, new EnforcementOptions { LogDenied = new DeniedPacketLog() }, CancellationToken.None);
        await silent.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        using var reader = await logging.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None);

        var second = await Assert.ThrowsAsync<EnforcementException>(() => logging.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None));
        Assert.Contains("another process", second.Message, StringComparison.Ordinal);
        var none = await Assert.ThrowsAsync<EnforcementException>(() => silent.OpenFlowReaderAsync(set, [], CancellationToken.None));
        Assert.Contains("--log-denied", none.Message, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task A_flood_of_denied_packets_is_logged_up_to_the_rate_limit_and_the_rest_is_counted()
    {
        const int Flood = 2000;
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        var log = new DeniedPacketLog(RatePerSecond: 1, Burst: 5);
        var host = scene.Nftables("a");
        var applied = await host.ApplyAsync(set, new EnforcementOptions { LogDenied = log }, CancellationToken.None);
        using var reader = await host.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None);

        using var sender = NamespaceSocket.Create($"/run/netns/{scene.Namespace("a")}", AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(Web.V4, 0));
        var denied = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Flood; i++)
        {
            try
            {
                sender.SendTo([1], new IPEndPoint(Outsider.V4, 8080));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
            {
                denied++;
            }
        }

        var seconds = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);
        Assert.Equal(Flood, denied);
        var status = await host.StatusAsync(CancellationToken.None);
        var logged = (int)(status.Policies.Single(p => p.Policy == "prod/web-egress").Denied - status.Totals.EventsLost);
        Assert.Equal((ulong)Flood, status.Policies.Single(p => p.Policy == "prod/web-egress").Denied);
        Assert.InRange(logged, log.Burst, log.Burst + (log.RatePerSecond * (seconds + 1)));

        var records = new List<FlowRecord>();
        for (var i = 0; i < logged; i++)
        {
            records.Add(await FirstAsync(reader));
        }

        Assert.All(records, r => Assert.Equal((Web.V4, Outsider.V4, 8080, "prod/web-egress"), (r.Source, r.Destination, r.DestinationPort, r.Policy)));
        Assert.Equal(0, reader.Dropped);
    }

    private static async Task<FlowRecord> FirstAsync(IFlowReader reader)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var record in reader.ReadAllAsync(patience.Token))
        {
            return record;
        }

        throw new InvalidOperationException("the reader ended without a record");
    }
}
