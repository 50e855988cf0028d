using System.Collections.Immutable;
using Ztap.Cloud.Sync;

namespace Ztap.Cloud.Status;

/// <summary>
/// What ztap enforces on AWS in one region: every running or pending instance with its ztap groups
/// and, when compared with policies, whether a sync would change it. <see cref="Plan"/> is that
/// sync's plan, null when no policies were given.
/// </summary>
public sealed record CloudStatus(string Region, ImmutableArray<InstanceStatus> Instances, int ManagedGroups, SyncPlan? Plan)
{
    /// <summary>True or false once compared with policies; null when not compared.</summary>
    public bool? InSync => Plan is null ? null : Plan.IsEmpty && Plan.CanApply;
}
