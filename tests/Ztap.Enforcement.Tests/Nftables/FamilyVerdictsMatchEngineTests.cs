using CsCheck;
using Ztap.Core.Addressing;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Core.Tests.Engine;
using Ztap.Enforcement.Nftables;

namespace Ztap.Enforcement.Tests.Nftables;

/// <summary>
/// The disjoint elements the nftables maps are filled with, looked up as the kernel does, give the
/// engine's answer for each side of every flow of random worlds, and never overlap.
/// </summary>
public sealed class FamilyVerdictsMatchEngineTests
{
    [Fact]
    public void Map_elements_allow_exactly_what_the_engine_allows_on_each_side()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var set = PolicyCompiler.Compile(scenario.Policies, scenario.Inventory);
            var segments = new AddressSegments(set);
            var ruleIndex = set.Rules.Select((rule, index) => KeyValuePair.Create(rule, index)).ToDictionary(ReferenceEqualityComparer.Instance);
            foreach (var flow in scenario.Flows.Where(f => !f.Source.Equals(f.Destination)))
            {
                var egress = Allows(set, segments, ruleIndex, flow.Source, Direction.Egress, flow.Destination, flow);
                var ingress = Allows(set, segments, ruleIndex, flow.Destination, Direction.Ingress, flow.Source, flow);
                var engine = new PolicyEngine(set);
                Assert.True((engine.Decide(flow) == Verdict.Allow) == (egress && ingress), $"{flow}: engine {engine.Decide(flow)}, egress {egress}, ingress {ingress}");
            }
        }, iter: 1000);
    }

    private static bool Allows(PolicySet set, AddressSegments segments, Dictionary<RuleReference, int> ruleIndex, System.Net.IPAddress subject, Direction direction, System.Net.IPAddress peer, Flow flow)
    {
        var rules = set.RulesOf(set.IdentityOf(subject), direction);
        if (!rules.Isolated)
        {
            return true;
        }

        var isV4 = AddressKey.IsV4(peer);
        var verdicts = FamilyVerdicts.Build(rules, isV4, segments, ruleIndex);
        var address = isV4 ? AddressKey.ToUInt32(peer) : AddressKey.ToUInt128(peer);
        AssertDisjoint(verdicts.Icmp);
        AssertDisjoint(verdicts.Other);
        foreach (var protocol in FamilyVerdicts.PortProtocols)
        {
            AssertDisjoint([.. verdicts.Ports.Where(p => p.Protocol == protocol).Select(p => p.Element)]);
        }

        return flow.Protocol == Protocol.Icmp
            ? verdicts.Icmp.Any(e => e.First <= address && address <= e.Last)
            : verdicts.Ports.Any(p => p.Protocol == flow.Protocol && p.Element.First <= address && address <= p.Element.Last && p.Element.FromPort <= flow.Port && flow.Port <= p.Element.ToPort);
    }

    private static void AssertDisjoint(IReadOnlyList<AllowElement> elements)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            for (var j = i + 1; j < elements.Count; j++)
            {
                var (a, b) = (elements[i], elements[j]);
                var overlap = a.First <= b.Last && b.First <= a.Last && a.FromPort <= b.ToPort && b.FromPort <= a.ToPort;
                Assert.False(overlap, $"elements overlap: {a} and {b}");
            }
        }
    }
}
