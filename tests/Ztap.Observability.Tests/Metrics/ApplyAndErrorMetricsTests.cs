using Ztap.Enforcement;
using Ztap.Observability.Metrics;
using static Ztap.Observability.Tests.Metrics.Statuses;

namespace Ztap.Observability.Tests.Metrics;

public sealed class ApplyAndErrorMetricsTests
{
    [Fact]
    public async Task Applies_are_timed_by_result_and_the_last_one_says_whether_it_succeeded()
    {
        var metrics = new ZtapMetrics("1");
        metrics.RecordApply(new ApplyResult("ebpf", "v1", 1, EnforcementMode.Enforce, [], []), TimeSpan.FromMilliseconds(30));

        metrics.RecordApplyFailure("ebpf", EnforcementFailure.CapacityExceeded, TimeSpan.FromMilliseconds(2));

        var page = await Exposition.Of(metrics);
        Assert.Equal(1, page.Value("ztap_policy_load_duration_seconds_count", ("backend", "ebpf"), ("result", "success")));
        Assert.Equal(0.03, page.Value("ztap_policy_load_duration_seconds_sum", ("backend", "ebpf"), ("result", "success")));
        Assert.Equal(1, page.Value("ztap_policy_load_duration_seconds_count", ("backend", "ebpf"), ("result", "failure")));
        Assert.Equal(0, page.Value("ztap_last_apply_success", ("backend", "ebpf")));
        Assert.Equal(1, page.Value("ztap_errors_total", ("operation", "apply"), ("kind", "capacity_exceeded")));
        Assert.True(page.Value("ztap_last_apply_timestamp_seconds", ("backend", "ebpf")) > FirstApply.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_status_read_the_host_refuses_is_counted_and_the_scrape_shows_the_last_values()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, [Counts("prod/a", 3, 0)]));
        metrics.ObserveBeforeEachScrape(_ => throw new EnforcementException(EnforcementFailure.NotPermitted, "reading pinned maps: EPERM"));

        var page = await Exposition.Of(metrics);

        Assert.Equal(1, page.Value("ztap_errors_total", ("operation", "status"), ("kind", "not_permitted")));
        Assert.Equal(3, page.Value("ztap_flows_allowed_total", ("policy", "prod/a")));
    }

    [Fact]
    public async Task Every_scrape_reads_the_status_first()
    {
        var metrics = new ZtapMetrics("1");
        ulong allowed = 0;
        metrics.ObserveBeforeEachScrape(_ => Task.FromResult(Installed(1, [Counts("prod/a", allowed += 2, 0)])));

        await Exposition.Of(metrics);
        var page = await Exposition.Of(metrics);

        Assert.Equal(4, page.Value("ztap_flows_allowed_total", ("policy", "prod/a")));
    }

    [Fact]
    public async Task Anomaly_scores_show_the_last_score_their_spread_and_the_flows_flagged()
    {
        var metrics = new ZtapMetrics("1");

        metrics.RecordAnomalyScore("forest", 12, isAnomaly: false);
        metrics.RecordAnomalyScore("forest", 91, isAnomaly: true);
        metrics.RecordFlowLogDropped("queue_full", 5);

        var page = await Exposition.Of(metrics);
        Assert.Equal(91, page.Value("ztap_anomaly_score", ("detector", "forest")));
        Assert.Equal(2, page.Value("ztap_anomaly_scores_count", ("detector", "forest")));
        Assert.Equal(1, page.Value("ztap_anomaly_scores_bucket", ("detector", "forest"), ("le", "20")));
        Assert.Equal(1, page.Value("ztap_anomalies_total", ("detector", "forest")));
        Assert.Equal(5, page.Value("ztap_flow_log_records_dropped_total", ("reason", "queue_full")));
    }
}
