using Ztap.Core.Policy;
using Ztap.Enforcement.Nftables;

namespace Ztap.Enforcement.Tests.Nftables;

public sealed class NftRulesetDeniedLogTests
{
    [Fact]
    public async Task With_the_log_on_every_denial_passes_the_shared_limit_to_nflog_and_counts_what_it_holds_back()
    {
        var set = await ExampleEstate.CompileAsync();
        var text = NftRulesetWriter.Write(set, ExampleEstate.AllAsHosts(set), EnforcementMode.Enforce, new DeniedPacketLog(42, 10, 20)).Text;
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();

        Assert.Contains("limit denied_log { rate 10/second burst 20 packets }", lines);
        Assert.Contains(lines, l => l.StartsWith("counter denied_log_suppressed {", StringComparison.Ordinal));
        var denials = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("goto deny_policy_", StringComparison.Ordinal) || l.line.Contains(" goto deny_policy_", StringComparison.Ordinal)).ToList();
        var logged = denials.Where(d => d.line.StartsWith("limit name \"denied_log\" log prefix", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logged);
        Assert.Equal(2 * logged.Count, denials.Count);
        foreach (var (line, i) in logged)
        {
            var prefix = NflogPrefix.Parse(line.Split('"')[3]);
            Assert.NotNull(prefix);
            Assert.True(prefix.Enforced && prefix.IsOf(set.Version) && prefix.Policy < set.Policies.Length);
            Assert.EndsWith($"group 42 goto deny_policy_{prefix.Policy}", line, StringComparison.Ordinal);
            Assert.Equal($"counter name \"denied_log_suppressed\" goto deny_policy_{prefix.Policy}", lines[i + 1]);
            var chain = lines.Take(i).Last(l => l.StartsWith("chain ", StringComparison.Ordinal));
            Assert.StartsWith(prefix.Direction == Direction.Egress ? "chain egress_" : "chain ingress_", chain, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_the_log_the_ruleset_has_no_nflog_limit_or_counter()
    {
        var set = await ExampleEstate.CompileAsync();
        var text = NftRulesetWriter.Write(set, ExampleEstate.AllAsHosts(set), EnforcementMode.Audit).Text;

        Assert.DoesNotContain("log prefix", text, StringComparison.Ordinal);
        Assert.DoesNotContain("denied_log", text, StringComparison.Ordinal);
    }
}
