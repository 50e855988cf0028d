using Prometheus;
using Ztap.Enforcement;

namespace Ztap.Observability.Metrics;

/// <summary>
/// ztap's Prometheus metrics in a registry of their own: what is in force (read from the kernel at
/// each scrape or whenever the owner observes a status), what applies did, anomaly scores and flow
/// log losses. <c>ztap metrics</c> and the agent both serve one through <see cref="MetricsEndpoint"/>.
/// Safe to call from several threads.
/// </summary>
public sealed class ZtapMetrics
{
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly MetricFamilies _families;
    private readonly StatusObserver _status;
    private readonly Lock _observing = new();

    public ZtapMetrics(string version)
    {
        _families = new MetricFamilies(_registry);
        _status = new StatusObserver(_families);
        _families.BuildInfo.WithLabels(version).Set(1);
    }

    /// <summary>
    /// Takes in what a backend has in force: versions, attachments, map fill and the kernel's counters.
    /// A process that applies policies should call it right before each apply: the per-policy counters
    /// of the version being replaced cannot be read afterwards.
    /// </summary>
    public void Observe(EnforcementStatus status)
    {
        lock (_observing)
        {
            _status.Observe(status);
        }
    }

    /// <summary>
    /// Reads the status before every scrape, so the counters a scrape sees are the kernel's of that
    /// moment. A read the host refuses is counted in <c>ztap_errors_total{operation="status"}</c> and
    /// the scrape shows the last values read.
    /// </summary>
    public void ObserveBeforeEachScrape(Func<CancellationToken, Task<EnforcementStatus>> readStatus) =>
        _registry.AddBeforeCollectCallback(cancellationToken => ObserveAsync(readStatus, cancellationToken));

    /// <summary>
    /// Reads the status and takes it in; a read the host refuses is counted in
    /// <c>ztap_errors_total{operation="status"}</c> and the last values read stay.
    /// </summary>
    public async Task ObserveAsync(Func<CancellationToken, Task<EnforcementStatus>> readStatus, CancellationToken cancellationToken)
    {
        try
        {
            Observe(await readStatus(cancellationToken).ConfigureAwait(false));
        }
        catch (EnforcementException exception)
        {
            RecordError("status", exception.Failure);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            RecordError("status", "io");
        }
    }

    /// <summary>
    /// Brings <c>ztap_flow_log_records_dropped_total{reason}</c> up to a running total before every
    /// scrape, for a count kept by its owner (the pipeline's queue, the ring buffer's reader).
    /// </summary>
    public void CountFlowLogDroppedBeforeEachScrape(string reason, Func<long> total)
    {
        var counter = _families.FlowLogDropped.WithLabels(reason);
        _registry.AddBeforeCollectCallback(() => counter.IncTo(total()));
    }

    /// <summary>Records a successful apply and how long it took.</summary>
    public void RecordApply(ApplyResult result, TimeSpan duration) => RecordApplyOutcome(result.Backend, "success", duration);

    /// <summary>Records an apply the backend refused, how long it took to fail, and why.</summary>
    public void RecordApplyFailure(string backend, EnforcementFailure failure, TimeSpan duration) =>
        RecordApplyFailure(backend, FailureKind.Of(failure), duration);

    /// <summary>Records a failed apply whose kind is a fixed word (<c>io</c> when the inputs could not be read).</summary>
    public void RecordApplyFailure(string backend, string kind, TimeSpan duration)
    {
        RecordApplyOutcome(backend, "failure", duration);
        RecordError("apply", kind);
    }

    /// <summary>Counts a failure of an operation, with the failure's kind as the label.</summary>
    public void RecordError(string operation, EnforcementFailure failure) => RecordError(operation, FailureKind.Of(failure));

    /// <summary>Counts a failure; both words are fixed names (<c>flow_log</c>, <c>io</c>), never taken from input.</summary>
    public void RecordError(string operation, string kind) => _families.Errors.WithLabels(operation, kind).Inc();

    /// <summary>Records a detector's score for one flow (0 to 100) and whether it flagged the flow.</summary>
    public void RecordAnomalyScore(string detector, double score, bool isAnomaly)
    {
        _families.AnomalyScore.WithLabels(detector).Set(score);
        _families.AnomalyScores.WithLabels(detector).Observe(score);
        if (isAnomaly)
        {
            _families.Anomalies.WithLabels(detector).Inc();
        }
    }

    /// <summary>Counts flow records dropped before reaching the flow log; the reason is a fixed word such as <c>queue_full</c>.</summary>
    public void RecordFlowLogDropped(string reason, long records) => _families.FlowLogDropped.WithLabels(reason).Inc(records);

    /// <summary>Writes every metric in the Prometheus text format, running the before-scrape reads first.</summary>
    public Task ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        _registry.CollectAndExportAsTextAsync(destination, cancellationToken);

    private void RecordApplyOutcome(string backend, string result, TimeSpan duration)
    {
        _families.ApplyDuration.WithLabels(backend, result).Observe(duration.TotalSeconds);
        _families.LastApplyTime.WithLabels(backend).SetToCurrentTimeUtc();
        _families.LastApplySuccess.WithLabels(backend).Set(result == "success" ? 1 : 0);
    }
}
