using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Integration.Tests.Ebpf;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Agent;

/// <summary>The agent on a host whose workloads are the machine: nftables enforces, NFLOG feeds the flow log.</summary>
[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NftablesAgentTests(ProbeBinary probe)
{
    [RootFact]
    public async Task With_nftables_denied_packets_reach_the_flow_log_and_SIGTERM_leaves_the_table_in_place()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = AgentFiles.Create(scene, estate, MatrixPolicies.Yaml);
        await using var agent = AgentProcess.StartOnHost(scene, "b", files.Log, ["-f", files.PolicyFolder, "-i", files.Inventory, "--backend", "nftables", "--metrics-listen", "off"]);
        await agent.WaitForAsync("applied policy version");

        Assert.Contains("backend nftables", agent.Output, StringComparison.Ordinal);
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Api.V4, Protocol.Tcp, 8001)));
        Assert.Equal("timeout", estate.Attempt(Batch, new Flow(Batch.V4, Db.V4, Protocol.Tcp, 6379), timeoutMs: 300));

        var denied = await agent.WaitForRecordAsync(r => r.Verdict == Verdict.Deny && r.DestinationPort == 6379);
        Assert.Equal((Batch.V4, Db.V4, Direction.Ingress, true), (denied.Source, denied.Destination, denied.Direction, denied.Enforced));
        Assert.Equal(("prod/db-ingress", "prod/batch", "prod/db"), (denied.Policy, denied.SourceWorkload, denied.DestinationWorkload));

        Assert.Equal(0, await agent.TerminateAsync());
        Assert.Equal("timeout", estate.Attempt(Batch, new Flow(Batch.V4, Db.V4, Protocol.Tcp, 6379), timeoutMs: 300));
    }
}
