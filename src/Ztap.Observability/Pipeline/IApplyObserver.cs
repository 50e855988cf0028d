namespace Ztap.Observability.Pipeline;

/// <summary>A stage told about every apply attempt of the agent, successful or not (metrics count and time them).</summary>
public interface IApplyObserver
{
    void Applied(ApplyOutcome outcome);
}
