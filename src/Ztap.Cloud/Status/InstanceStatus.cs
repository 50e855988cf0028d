using System.Collections.Immutable;
using Ztap.Cloud.Discovery;

namespace Ztap.Cloud.Status;

/// <summary>
/// One EC2 instance in the hybrid view: the workload, the ztap groups on its interfaces now, and
/// the plan steps a sync would make for it (empty when in sync or not compared).
/// </summary>
public sealed record InstanceStatus(Ec2Instance Instance, ImmutableArray<string> ZtapGroups, SyncState State, ImmutableArray<string> PendingChanges);
