using System.Collections.Immutable;
using System.Text;
using Ztap.Enforcement;
using Ztap.Observability.Metrics;

namespace Ztap.Integration.Tests.Metrics;

[Trait("Category", "Integration")]
public sealed class ExpositionLintTests
{
    [PromtoolFact]
    public async Task Promtool_finds_nothing_to_fault_in_any_metric()
    {
        var metrics = new ZtapMetrics("1.0.0");
        metrics.Observe(new EnforcementStatus(
            "ebpf", true, "v1", 1, DateTimeOffset.UtcNow, EnforcementMode.Enforce, [], [], [new MapFill("ipcache", 1, 10)],
            [new PolicyCounters("prod/a", 1, 0, 1, 0)], new VerdictTotals(1, 1, 0, 0)));
        metrics.RecordApply(new ApplyResult("ebpf", "v1", 1, EnforcementMode.Enforce, ImmutableArray<AttachedWorkload>.Empty, []), TimeSpan.FromSeconds(0.2));
        metrics.RecordApplyFailure("ebpf", EnforcementFailure.Busy, TimeSpan.FromSeconds(0.01));
        metrics.RecordAnomalyScore("forest", 70, isAnomaly: true);
        metrics.RecordFlowLogDropped("queue_full", 2);
        using var page = new MemoryStream();
        await metrics.ExportAsync(page, CancellationToken.None);

        var (exitCode, lint) = Promtool.CheckMetrics(Encoding.UTF8.GetString(page.ToArray()));

        Assert.True(exitCode == 0, lint);
        Assert.Equal("", lint.Trim());
    }
}
