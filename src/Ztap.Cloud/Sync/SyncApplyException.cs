using Amazon.Runtime;

namespace Ztap.Cloud.Sync;

/// <summary>
/// EC2 refused a step of a plan. The steps before it were applied; the plan's order guarantees
/// that access is no wider than before or after the sync, and running sync again finishes it.
/// </summary>
public sealed class SyncApplyException(int stepNumber, int stepCount, PlanStep step, AmazonServiceException inner)
    : Exception($"step {stepNumber} of {stepCount} ({step.Describe()}) failed: {inner.ErrorCode}: {inner.Message}", inner)
{
    public int StepNumber { get; } = stepNumber;

    public PlanStep Step { get; } = step;

    public string ErrorCode { get; } = inner.ErrorCode;
}
