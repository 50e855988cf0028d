using Ztap.Enforcement.Nftables;

namespace Ztap.Enforcement.Tests.Nftables;

public sealed class NftRulesetGoldenTests
{
    [Fact]
    public async Task The_ruleset_for_the_examples_is_the_reviewed_one()
    {
        var set = await ExampleEstate.CompileAsync();
        ExampleEstate.MatchesGolden(NftRulesetWriter.Write(set, ExampleEstate.AllAsHosts(set), EnforcementMode.Enforce).Text, "Nftables", "Golden", "examples.nft");
    }

    [Fact]
    public async Task The_ruleset_replaces_only_ztaps_own_table()
    {
        var set = await ExampleEstate.CompileAsync();
        var text = NftRulesetWriter.Write(set, ExampleEstate.AllAsHosts(set), EnforcementMode.Enforce).Text;
        var statements = text.Split('\n').Where(l => l.StartsWith("table", StringComparison.Ordinal) || l.StartsWith("delete", StringComparison.Ordinal));
        Assert.Equal(["table inet ztap", "delete table inet ztap", "table inet ztap {"], statements);
    }
}
