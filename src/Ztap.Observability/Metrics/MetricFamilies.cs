using Prometheus;

namespace Ztap.Observability.Metrics;

/// <summary>
/// Every metric ztap exports, defined once with its help text and labels (docs/metrics.md describes
/// each). No label ever carries an address, a port or anything else a flow brings: label values are
/// backends, policy names, map names, detectors and fixed words, so the number of series stays
/// bounded by the policy set.
/// </summary>
internal sealed class MetricFamilies
{
    private static readonly double[] ApplyBuckets = Histogram.ExponentialBuckets(0.005, 2, 14);
    private static readonly double[] ScoreBuckets = Histogram.LinearBuckets(10, 10, 10);

    public MetricFamilies(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        BuildInfo = factory.CreateGauge("ztap_build_info", "Always 1; the version label says which ztap is running.", ["version"]);

        PoliciesEnforced = factory.CreateCounter(
            "ztap_policies_enforced_total", "Policies put in force: each policy set version seen in force adds its number of policies.", ["backend"]);
        FlowsAllowed = factory.CreateCounter(
            "ztap_flows_allowed_total", "Flows a policy's rules allowed, counted in the kernel; carried across policy versions.", ["backend", "policy"]);
        FlowsBlocked = factory.CreateCounter(
            "ztap_flows_blocked_total", "Flows a policy blocked, counted in the kernel; carried across policy versions.", ["backend", "policy"]);
        FlowsAudited = factory.CreateCounter(
            "ztap_flows_audited_total", "Flows a policy would have blocked, let through because the set is in audit mode.", ["backend", "policy"]);
        Decisions = factory.CreateCounter(
            "ztap_decisions_total", "Every decision the datapath made, by verdict, including flows no policy isolates.", ["backend", "verdict"]);
        FlowEventsLost = factory.CreateCounter(
            "ztap_flow_events_lost_total", "Flow events the kernel could not hand to ztap because the reader fell behind; counters stay exact.", ["backend"]);
        FlowLogDropped = factory.CreateCounter(
            "ztap_flow_log_records_dropped_total", "Flow records the agent dropped before writing them to the flow log.", ["reason"]);

        Installed = factory.CreateGauge("ztap_enforcement_installed", "1 when the backend has a policy set in force on this host, else 0.", ["backend"]);
        PolicySet = factory.CreateGauge("ztap_policy_set_info", "Always 1; labels name the policy set version in force and its mode.", ["backend", "version", "mode"]);
        Generation = factory.CreateGauge("ztap_policy_set_generation", "The backend's install counter: it grows by one with every apply.", ["backend"]);
        AppliedAt = factory.CreateGauge("ztap_policy_set_applied_timestamp_seconds", "When the version in force was applied, in Unix seconds.", ["backend"]);
        PoliciesInForce = factory.CreateGauge("ztap_policies_in_force", "Policies in the set in force.", ["backend"]);
        AttachedCgroups = factory.CreateGauge("ztap_attached_cgroups", "Local workloads (cgroups) enforcement is attached to.", ["backend"]);
        MapEntries = factory.CreateGauge("ztap_map_entries", "Entries in one of the backend's kernel maps.", ["backend", "map"]);
        MapCapacity = factory.CreateGauge("ztap_map_capacity", "Entries one of the backend's kernel maps can hold.", ["backend", "map"]);

        ApplyDuration = factory.CreateHistogram(
            "ztap_policy_load_duration_seconds",
            "How long applying a policy set took, from the compiled set to the kernel, by result (success or failure).",
            ["backend", "result"],
            new HistogramConfiguration { Buckets = ApplyBuckets });
        LastApplyTime = factory.CreateGauge("ztap_last_apply_timestamp_seconds", "When this process last tried to apply a policy set, in Unix seconds.", ["backend"]);
        LastApplySuccess = factory.CreateGauge("ztap_last_apply_success", "1 when this process's last apply succeeded, 0 when it failed.", ["backend"]);
        Errors = factory.CreateCounter("ztap_errors_total", "Failures by what ztap was doing (apply, status, ...) and their kind.", ["operation", "kind"]);

        AnomalyScore = factory.CreateGauge("ztap_anomaly_score", "The score (0 to 100) a detector gave the last flow it scored.", ["detector"]);
        AnomalyScores = factory.CreateHistogram(
            "ztap_anomaly_scores", "Scores (0 to 100) a detector gave the flows it scored.", ["detector"], new HistogramConfiguration { Buckets = ScoreBuckets });
        Anomalies = factory.CreateCounter("ztap_anomalies_total", "Flows a detector flagged as anomalous.", ["detector"]);
    }

    public Gauge BuildInfo { get; }

    public Counter PoliciesEnforced { get; }

    public Counter FlowsAllowed { get; }

    public Counter FlowsBlocked { get; }

    public Counter FlowsAudited { get; }

    public Counter Decisions { get; }

    public Counter FlowEventsLost { get; }

    public Counter FlowLogDropped { get; }

    public Gauge Installed { get; }

    public Gauge PolicySet { get; }

    public Gauge Generation { get; }

    public Gauge AppliedAt { get; }

    public Gauge PoliciesInForce { get; }

    public Gauge AttachedCgroups { get; }

    public Gauge MapEntries { get; }

    public Gauge MapCapacity { get; }

    public Histogram ApplyDuration { get; }

    public Gauge LastApplyTime { get; }

    public Gauge LastApplySuccess { get; }

    public Counter Errors { get; }

    public Gauge AnomalyScore { get; }

    public Histogram AnomalyScores { get; }

    public Counter Anomalies { get; }
}
