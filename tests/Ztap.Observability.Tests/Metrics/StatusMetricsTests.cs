using Ztap.Enforcement;
using Ztap.Observability.Metrics;
using static Ztap.Observability.Tests.Metrics.Statuses;

namespace Ztap.Observability.Tests.Metrics;

public sealed class StatusMetricsTests
{
    private static readonly (string, string) Ebpf = ("backend", "ebpf");

    [Fact]
    public async Task Flow_counters_come_from_the_kernel_per_policy()
    {
        var metrics = new ZtapMetrics("1.2.3");

        metrics.Observe(Installed(1, [Counts("prod/web-egress", 3, 2), Counts("prod/db-ingress", 0, 4)]));

        var page = await Exposition.Of(metrics);
        Assert.Equal(3, page.Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/web-egress")));
        Assert.Equal(2, page.Value("ztap_flows_blocked_total", Ebpf, ("policy", "prod/web-egress")));
        Assert.Equal(4, page.Value("ztap_flows_blocked_total", Ebpf, ("policy", "prod/db-ingress")));
        Assert.Equal(1, page.Value("ztap_build_info", ("version", "1.2.3")));
    }

    [Fact]
    public async Task Flow_counters_carry_on_when_a_new_version_starts_the_kernel_counters_again()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, [Counts("prod/web-egress", 3, 2)]));

        metrics.Observe(Installed(2, [Counts("prod/web-egress", 1, 0)]));

        var page = await Exposition.Of(metrics);
        Assert.Equal(4, page.Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/web-egress")));
        Assert.Equal(2, page.Value("ztap_flows_blocked_total", Ebpf, ("policy", "prod/web-egress")));
    }

    [Fact]
    public async Task A_reinstalled_datapath_that_counts_generations_from_one_again_is_still_a_new_version()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, [Counts("prod/web-egress", 5, 0)], new VerdictTotals(9, 0, 0, 0)));

        metrics.Observe(Installed(1, [Counts("prod/web-egress", 6, 0)], new VerdictTotals(6, 0, 0, 0), appliedAt: FirstApply.AddDays(1)));

        var page = await Exposition.Of(metrics);
        Assert.Equal(11, page.Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/web-egress")));
        Assert.Equal(15, page.Value("ztap_decisions_total", Ebpf, ("verdict", "allowed")));
    }

    [Fact]
    public async Task A_policy_leaving_the_set_loses_its_series_and_continues_from_its_total_when_it_returns()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, [Counts("prod/a", 3, 0), Counts("prod/b", 1, 0)]));
        metrics.Observe(Installed(2, [Counts("prod/b", 1, 0)]));

        Assert.Null((await Exposition.Of(metrics)).Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/a")));

        metrics.Observe(Installed(3, [Counts("prod/a", 2, 0), Counts("prod/b", 0, 0)]));

        var page = await Exposition.Of(metrics);
        Assert.Equal(5, page.Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/a")));
        Assert.Equal(2, page.Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/b")));
    }

    [Fact]
    public async Task In_audit_mode_the_flows_a_policy_would_block_count_as_audited()
    {
        var metrics = new ZtapMetrics("1");

        metrics.Observe(Installed(1, [Counts("prod/db-ingress", 0, 6)], new VerdictTotals(0, 0, 6, 0), EnforcementMode.Audit));

        var page = await Exposition.Of(metrics);
        Assert.Equal(6, page.Value("ztap_flows_audited_total", Ebpf, ("policy", "prod/db-ingress")));
        Assert.Equal(0, page.Value("ztap_flows_blocked_total", Ebpf, ("policy", "prod/db-ingress")));
        Assert.Equal(6, page.Value("ztap_decisions_total", Ebpf, ("verdict", "audited")));
        Assert.Equal(1, page.Value("ztap_policy_set_info", Ebpf, ("version", "v1"), ("mode", "audit")));
    }

    [Fact]
    public async Task Totals_stay_monotonic_when_enforcement_is_removed_and_applied_again()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(4, [Counts("prod/a", 8, 1)], new VerdictTotals(20, 3, 0, 2)));
        metrics.Observe(NothingInstalled());

        var removed = await Exposition.Of(metrics);
        Assert.Equal(0, removed.Value("ztap_enforcement_installed", Ebpf));
        Assert.DoesNotContain(removed.Samples(), s => s.Name == "ztap_policy_set_info");
        Assert.Null(removed.Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/a")));

        metrics.Observe(Installed(1, [Counts("prod/a", 1, 0)], new VerdictTotals(1, 0, 0, 1)));

        var page = await Exposition.Of(metrics);
        Assert.Equal(9, page.Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/a")));
        Assert.Equal(21, page.Value("ztap_decisions_total", Ebpf, ("verdict", "allowed")));
        Assert.Equal(3, page.Value("ztap_flow_events_lost_total", Ebpf));
    }

    [Fact]
    public async Task Each_version_seen_in_force_adds_its_policies_once()
    {
        var metrics = new ZtapMetrics("1");
        var first = Installed(1, [Counts("prod/a", 0, 0), Counts("prod/b", 0, 0)]);

        metrics.Observe(first);
        metrics.Observe(first);
        metrics.Observe(Installed(2, [Counts("prod/a", 0, 0)]));

        var page = await Exposition.Of(metrics);
        Assert.Equal(3, page.Value("ztap_policies_enforced_total", Ebpf));
        Assert.Equal(1, page.Value("ztap_policies_in_force", Ebpf));
    }

    [Fact]
    public async Task Only_the_version_in_force_has_an_info_series_with_its_generation_map_fill_and_apply_time()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, []));

        metrics.Observe(Installed(2, []));

        var page = await Exposition.Of(metrics);
        Assert.Equal(["v2"], page.Samples().Where(s => s.Name == "ztap_policy_set_info").Select(s => s.Labels["version"]));
        Assert.Equal(2, page.Value("ztap_policy_set_generation", Ebpf));
        Assert.Equal(FirstApply.AddMinutes(2).ToUnixTimeSeconds(), page.Value("ztap_policy_set_applied_timestamp_seconds", Ebpf));
        Assert.Equal(12, page.Value("ztap_map_entries", Ebpf, ("map", "ipcache")));
        Assert.Equal(262144, page.Value("ztap_map_capacity", Ebpf, ("map", "ipcache")));
        Assert.Equal(1, page.Value("ztap_attached_cgroups", Ebpf));
    }

    [Fact]
    public async Task A_status_without_names_keeps_the_policy_series_and_its_counts_are_not_counted_twice()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, [Counts("prod/a", 3, 0)]));

        // An apply switched to generation 2 but has not written its state yet: nothing can be named.
        metrics.Observe(Installed(2, []) with { PolicyVersion = null, AppliedAt = null });
        Assert.Equal(3, (await Exposition.Of(metrics)).Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/a")));

        metrics.Observe(Installed(2, [Counts("prod/a", 2, 0)]));
        metrics.Observe(Installed(2, [Counts("prod/a", 4, 0)]));

        Assert.Equal(7, (await Exposition.Of(metrics)).Value("ztap_flows_allowed_total", Ebpf, ("policy", "prod/a")));
    }
}
