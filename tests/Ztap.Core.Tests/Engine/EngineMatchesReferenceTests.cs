using CsCheck;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;

namespace Ztap.Core.Tests.Engine;

public sealed class EngineMatchesReferenceTests
{
    [Fact]
    public void Compiled_engine_decides_every_flow_as_the_reference_does()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var engine = new PolicyEngine(PolicyCompiler.Compile(scenario.Policies, scenario.Inventory));
            foreach (var flow in scenario.Flows)
            {
                var expected = ReferenceEvaluator.Decide(scenario.Policies, scenario.Inventory, flow);
                Assert.True(expected == engine.Decide(flow), $"{flow}: reference says {expected}");
                Assert.Equal(expected, engine.Explain(flow).Verdict);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Explanations_name_a_rule_exactly_when_an_isolated_side_is_allowed()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var engine = new PolicyEngine(PolicyCompiler.Compile(scenario.Policies, scenario.Inventory));
            foreach (var flow in scenario.Flows.Where(f => !f.Source.Equals(f.Destination)))
            {
                var explanation = engine.Explain(flow);
                foreach (var side in new[] { explanation.Egress, explanation.Ingress })
                {
                    Assert.Equal(side.Isolated && side.Allowed, side.AllowingRule is not null);
                    Assert.True(side.Isolated || side.Allowed);
                }
            }
        }, iter: 1000);
    }

    [Fact]
    public void Compiling_the_same_input_twice_gives_the_same_version_and_identities()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var first = PolicyCompiler.Compile(scenario.Policies, scenario.Inventory);
            var second = PolicyCompiler.Compile(scenario.Policies, scenario.Inventory);
            Assert.Equal(first.Version, second.Version);
            Assert.Equal(first.Prefixes.Select(p => p.ToString()), second.Prefixes.Select(p => p.ToString()));
            Assert.Equal(first.Identities.Select(i => i.Number), second.Identities.Select(i => i.Number));
        }, iter: 300);
    }
}
