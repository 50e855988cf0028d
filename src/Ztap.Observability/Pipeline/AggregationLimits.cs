namespace Ztap.Observability.Pipeline;

/// <summary>How repeats are folded and how much the agent buffers under a flood.</summary>
/// <param name="Window">Repeats of a flow within this long of its first event become one record; zero turns aggregation off.</param>
/// <param name="MaxPending">Distinct flows held at most while their windows are open.</param>
/// <param name="QueueCapacity">Records waiting for the pipeline at most; further ones are dropped and counted.</param>
public sealed record AggregationLimits(TimeSpan Window, int MaxPending = 16_384, int QueueCapacity = 16_384)
{
    public static AggregationLimits Default { get; } = new(TimeSpan.FromSeconds(1));
}
