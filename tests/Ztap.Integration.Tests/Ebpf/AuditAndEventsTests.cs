using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Ebpf;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AuditAndEventsTests(ProbeBinary probe)
{
    [RootFact]
    public async Task Audit_mode_drops_nothing_and_records_the_flows_it_would_deny()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        var applied = await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(EnforcementMode.Audit), CancellationToken.None);
        using var reader = await scene.Enforcer.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None);

        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Db.V4, Protocol.Tcp, 6379)));
        Assert.Equal("allow", estate.Attempt(Batch, new Flow(Batch.V6, Db.V6, Protocol.Icmp, 0)));

        var record = await FirstAsync(reader, r => r.DestinationPort == 6379 && r.Verdict == Verdict.Deny);
        Assert.False(record.Enforced);
        Assert.Equal(("prod/web", "prod/db", "prod/db-ingress"), (record.SourceWorkload, record.DestinationWorkload, record.Policy));
        Assert.Equal(Web.V4, record.Source);

        var status = await scene.Enforcer.StatusAsync(CancellationToken.None);
        Assert.Equal(EnforcementMode.Audit, status.Mode);
        Assert.True(status.Totals.Audited >= 2, $"audited {status.Totals.Audited}");
        Assert.Equal(0UL, status.Totals.Denied);
    }

    [RootFact]
    public async Task Denials_and_new_allowed_flows_are_reported_with_the_deciding_policy()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        var applied = await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        using var reader = await scene.Enforcer.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None);

        Assert.Equal("eperm", estate.Attempt(Web, new Flow(Web.V6, Db.V6, Protocol.Tcp, 6379)));
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Api.V4, Protocol.Tcp, 8002)));

        var denied = await FirstAsync(reader, r => r.Verdict == Verdict.Deny);
        Assert.Equal((true, "prod/web", "prod/db-ingress", 6379), (denied.Enforced, denied.SourceWorkload, denied.Policy, denied.DestinationPort));
        var allowed = await FirstAsync(reader, r => r.Verdict == Verdict.Allow && r.DestinationPort == 8002);
        Assert.Equal((Web.V4, Api.V4, Protocol.Tcp), (allowed.Source, allowed.Destination, allowed.Protocol));
        Assert.Contains(allowed.Policy, new[] { "prod/web-egress", "prod/api-ingress" });
    }

    [RootFact]
    public async Task Of_two_policies_allowing_a_flow_the_earlier_one_is_reported_as_the_engine_names_it()
    {
        // Placed before the others, db-open lets anyone reach db on 5432, which db-ingress (later)
        // lets web do too: the datapath finds both, one keyed by web's identity, one by any peer.
        const string DbOpen = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-open, namespace: prod}
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress]
              ingress:
                - ports: [{protocol: TCP, port: 5432}]
            ---

            """;
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(DbOpen + MatrixPolicies.Yaml);
        var flow = new Flow(Web.V4, Db.V4, Protocol.Tcp, 5432);
        var expected = new PolicyEngine(set).Explain(flow).Ingress.AllowingRule!.Policy.QualifiedName;
        Assert.Equal("prod/db-open", expected);
        var applied = await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        using var reader = await scene.Enforcer.OpenFlowReaderAsync(set, applied.Attached, CancellationToken.None);

        Assert.Equal("allow", estate.Attempt(Web, flow));

        var allowed = await FirstAsync(reader, r => r.Verdict == Verdict.Allow && r.DestinationPort == 5432 && r.Direction == Direction.Ingress);
        Assert.Equal(expected, allowed.Policy);
    }

    private static async Task<FlowRecord> FirstAsync(IFlowReader reader, Func<FlowRecord, bool> match)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var record in reader.ReadAllAsync(patience.Token))
        {
            if (match(record))
            {
                return record;
            }
        }

        throw new InvalidOperationException("the reader ended without the expected record");
    }
}
