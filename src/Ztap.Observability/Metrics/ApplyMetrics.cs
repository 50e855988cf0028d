using Ztap.Enforcement;
using Ztap.Observability.Pipeline;

namespace Ztap.Observability.Metrics;

/// <summary>
/// The agent's applies in the metrics: the version in force is read right before each apply, so
/// the per-policy counts it reached are carried on, and every attempt is timed as a success or a
/// failure of the enforcer's backend.
/// </summary>
public sealed class ApplyMetrics(ZtapMetrics metrics, IEnforcer enforcer) : IApplyObserver
{
    public Task ApplyingAsync(CancellationToken cancellationToken) => metrics.ObserveAsync(enforcer.StatusAsync, cancellationToken);

    public void Applied(ApplyOutcome outcome)
    {
        if (outcome.Result is { } result)
        {
            metrics.RecordApply(result, outcome.Duration);
        }
        else if (outcome.Failure is { } failure)
        {
            metrics.RecordApplyFailure(enforcer.Backend, failure, outcome.Duration);
        }
        else
        {
            metrics.RecordApplyFailure(enforcer.Backend, "io", outcome.Duration);
        }
    }
}
