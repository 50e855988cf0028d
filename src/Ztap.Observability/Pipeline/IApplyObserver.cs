namespace Ztap.Observability.Pipeline;

/// <summary>A stage told about every apply attempt of the agent, successful or not (metrics count and time them).</summary>
public interface IApplyObserver
{
    /// <summary>Called right before the agent applies a version: the last moment the version in force can still be read.</summary>
    Task ApplyingAsync(CancellationToken cancellationToken);

    void Applied(ApplyOutcome outcome);
}
