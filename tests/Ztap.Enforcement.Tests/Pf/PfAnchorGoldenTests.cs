using Ztap.Enforcement.Pf;

namespace Ztap.Enforcement.Tests.Pf;

public sealed class PfAnchorGoldenTests
{
    [Fact]
    public async Task The_anchor_for_the_examples_is_the_reviewed_one()
    {
        var set = await ExampleEstate.CompileAsync();
        ExampleEstate.MatchesGolden(PfAnchorWriter.Write(set, ExampleEstate.AllAsHosts(set), EnforcementMode.Enforce), "Pf", "Golden", "examples.anchor");
    }

    [Fact]
    public async Task Audit_mode_passes_and_logs_what_enforce_mode_blocks()
    {
        var set = await ExampleEstate.CompileAsync();
        var hosts = ExampleEstate.AllAsHosts(set);
        var enforce = PfAnchorWriter.Write(set, hosts, EnforcementMode.Enforce).Split('\n');
        var audit = PfAnchorWriter.Write(set, hosts, EnforcementMode.Audit).Split('\n');

        var blocks = enforce.Where(l => l.StartsWith("block drop", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(blocks);
        Assert.DoesNotContain(audit, l => l.StartsWith("block", StringComparison.Ordinal));
        Assert.Equal(blocks.Select(b => b.Replace("block drop", "pass", StringComparison.Ordinal)), audit.Where(l => l.StartsWith("pass", StringComparison.Ordinal) && l.Contains(PfAnchorWriter.DenyLabel, StringComparison.Ordinal)));
    }
}
