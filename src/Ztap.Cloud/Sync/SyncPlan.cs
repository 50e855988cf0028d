using System.Collections.Immutable;
using Ztap.Cloud.SecurityGroups;

namespace Ztap.Cloud.Sync;

/// <summary>
/// The changes that bring AWS to what the policies say, in the order they are applied, or the
/// errors that stop any of them from being applied. An empty plan means AWS is in sync.
/// </summary>
/// <param name="ExistingGroups">The ztap groups EC2 has now, whose ids later steps use.</param>
public sealed record SyncPlan(
    ImmutableArray<PlanStep> Steps,
    ImmutableArray<string> Errors,
    ImmutableArray<string> Notes,
    ImmutableArray<ManagedGroup> ExistingGroups)
{
    public bool CanApply => Errors.IsEmpty;

    public bool IsEmpty => Steps.IsEmpty;

    /// <summary>How many EC2 calls applying the plan makes, before any retry: one per step.</summary>
    public int ApiCalls => Steps.Length;
}
