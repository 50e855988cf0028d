using CsCheck;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Tests.Engine;
using Ztap.Enforcement.Pf;

namespace Ztap.Enforcement.Tests.Pf;

/// <summary>
/// Random worlds in which every workload is a macOS host running ztap's anchor: a flow passes when
/// the source host lets it out and the destination host lets it in, and its reply passes when both
/// kept state for it. pf's matching is that of <see cref="PfEvaluator"/>.
/// </summary>
public sealed class PfAnchorMatchesEngineTests
{
    [Fact]
    public void Hosts_running_the_anchor_decide_every_flow_as_the_engine_does()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var set = PolicyCompiler.Compile(scenario.Policies, scenario.Inventory);
            var engine = new PolicyEngine(set);
            var hosts = scenario.Inventory.Workloads.ToDictionary(
                w => w,
                w => new PfEvaluator(PfAnchorWriter.Write(set, HostWorkloads.Resolve(set, [], [w.QualifiedName]), EnforcementMode.Enforce)));
            foreach (var flow in scenario.Flows)
            {
                var sender = scenario.Inventory.FindByAddress(flow.Source) is { } s ? hosts[s] : null;
                var receiver = scenario.Inventory.FindByAddress(flow.Destination) is { } d ? hosts[d] : null;
                var sent = sender?.Decide(true, flow.Source, flow.Destination, flow.Protocol, flow.Port);
                var received = receiver?.Decide(false, flow.Source, flow.Destination, flow.Protocol, flow.Port);
                var passes = sent?.Pass != false && received?.Pass != false;
                Assert.True(
                    (engine.Decide(flow) == Verdict.Allow) == passes,
                    $"{flow}: engine {engine.Decide(flow)}, pf out: {sent?.Text ?? "no rule"}, pf in: {received?.Text ?? "no rule"}");
                if (passes)
                {
                    Assert.True(sent is null || sent.KeepState, $"{flow}: no state on the sender for the reply ({sent?.Text})");
                    Assert.True(received is null || received.KeepState, $"{flow}: no state on the receiver for the reply ({received?.Text})");
                }
            }
        }, iter: 1000);
    }
}
