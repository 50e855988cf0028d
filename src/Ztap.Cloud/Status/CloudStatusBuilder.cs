using System.Collections.Immutable;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.SecurityGroups;
using Ztap.Cloud.Sync;

namespace Ztap.Cloud.Status;

/// <summary>
/// Puts the hybrid view together from what EC2 has and, optionally, a plan: an instance is out of
/// sync when a step changes its interfaces, or changes, creates or deletes a group it has or
/// should have.
/// </summary>
public static class CloudStatusBuilder
{
    public static CloudStatus Build(
        string region, IReadOnlyList<Ec2Instance> instances, IReadOnlyList<ManagedGroup> groups, DesiredState? desired, SyncPlan? plan)
    {
        var nameOfId = groups.ToDictionary(g => g.GroupId, g => g.Name, StringComparer.Ordinal);
        var statuses = ImmutableArray.CreateBuilder<InstanceStatus>(instances.Count);
        foreach (var instance in instances)
        {
            var attached = instance.Interfaces
                .SelectMany(i => i.GroupIds)
                .Where(nameOfId.ContainsKey)
                .Select(id => nameOfId[id])
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToImmutableArray();
            statuses.Add(plan is null || desired is null
                ? new InstanceStatus(instance, attached, SyncState.NotCompared, [])
                : Compare(instance, attached, desired, plan));
        }

        return new CloudStatus(region, statuses.ToImmutable(), groups.Count, plan);
    }

    private static InstanceStatus Compare(Ec2Instance instance, ImmutableArray<string> attached, DesiredState desired, SyncPlan plan)
    {
        var concerned = attached.Concat(desired.GroupsOfInstance.GetValueOrDefault(instance.InstanceId, [])).ToHashSet(StringComparer.Ordinal);
        var pending = plan.Steps
            .Where(step => step.VpcId == instance.VpcId && Touches(step, instance.InstanceId, concerned))
            .Select(step => step.Describe())
            .ToImmutableArray();
        return new InstanceStatus(instance, attached, pending.IsEmpty ? SyncState.InSync : SyncState.OutOfSync, pending);
    }

    private static bool Touches(PlanStep step, string instanceId, HashSet<string> groups) => step switch
    {
        InterfaceGroupsStep change => change.InstanceId == instanceId,
        RuleChangeStep change => groups.Contains(change.GroupName),
        CreateGroupStep create => groups.Contains(create.GroupName),
        DeleteGroupStep delete => groups.Contains(delete.GroupName),
        _ => true,
    };
}
