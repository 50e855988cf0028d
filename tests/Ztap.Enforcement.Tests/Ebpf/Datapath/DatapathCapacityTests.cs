using Ztap.Core.Compiler;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

public sealed class DatapathCapacityTests
{
    [Fact]
    public void A_set_with_more_policies_than_the_counters_hold_is_refused_naming_the_limit()
    {
        var yaml = string.Join("---\n", Enumerable.Range(0, DatapathLimits.MaxPolicies + 1).Select(i =>
            $"apiVersion: ztap/v1\nkind: NetworkPolicy\nmetadata: {{name: p{i}}}\nspec: {{egress: []}}\n"));
        var loaded = PolicyLoader.Parse(yaml, "policies.yaml", InputLimits.Default);
        var image = DatapathImage.Build(PolicyCompiler.Compile(loaded.Policies, SampleEstate.Inventory()), []);

        var error = Assert.Throws<EnforcementException>(() => DatapathCapacity.Check(image));

        Assert.Equal(EnforcementFailure.CapacityExceeded, error.Failure);
        Assert.Contains($"policies: {DatapathLimits.MaxPolicies + 1} needed, at most {DatapathLimits.MaxPolicies} (ZTAP_MAX_POLICIES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_within_every_limit_passes()
    {
        DatapathCapacity.Check(DatapathImage.Build(SampleEstate.Compile(), []));
    }
}
