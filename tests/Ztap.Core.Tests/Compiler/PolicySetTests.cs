using CsCheck;
using Ztap.Core.Compiler;
using Ztap.Core.Tests.Engine;

namespace Ztap.Core.Tests.Compiler;

public sealed class PolicySetTests
{
    [Fact]
    public void An_address_is_in_a_policy_ipBlock_exactly_when_its_identity_is()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var set = PolicyCompiler.Compile(scenario.Policies, scenario.Inventory);
            var blocks = scenario.Policies
                .SelectMany(p => p.Ingress.Concat(p.Egress))
                .SelectMany(r => r.Peers)
                .Select(peer => peer.IpBlock)
                .OfType<Ztap.Core.Policy.IpBlock>();
            var addresses = scenario.Flows.SelectMany(f => new[] { f.Source, f.Destination });
            foreach (var block in blocks)
            {
                var covered = set.IdentitiesIn(block);
                foreach (var address in addresses)
                {
                    Assert.Equal(block.Contains(address), covered.Contains(set.IdentityOf(address).Number));
                }
            }
        }, iter: 1000);
    }

    [Fact]
    public void Every_workload_address_maps_to_an_identity_with_its_namespace_and_labels()
    {
        ScenarioGen.Scenarios.Sample(scenario =>
        {
            var set = PolicyCompiler.Compile(scenario.Policies, scenario.Inventory);
            foreach (var workload in scenario.Inventory.Workloads)
            {
                foreach (var address in workload.Addresses)
                {
                    var identity = set.IdentityOf(address);
                    Assert.Equal(IdentityKind.Workload, identity.Kind);
                    Assert.Equal(workload.Namespace, identity.Namespace);
                    Assert.Equal(workload.Labels, identity.Labels);
                }
            }
        }, iter: 300);
    }
}
