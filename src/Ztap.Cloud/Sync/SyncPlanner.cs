using System.Collections.Immutable;
using System.Net;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.SecurityGroups;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Compares what the policies want with what EC2 has and lists only the differences, ordered by
/// <see cref="PlanPhase"/>. Only groups carrying ztap's managed tag are ever changed; on an
/// interface, groups ztap does not own are kept as they are.
/// </summary>
public static class SyncPlanner
{
    /// <summary>The egress rule EC2 puts in every new group.</summary>
    private static readonly GroupRule DefaultEgress =
        new(Direction.Egress, GroupRule.AllProtocols, -1, -1, RulePeer.Block(IPNetwork.Parse("0.0.0.0/0")));

    public static SyncPlan Plan(
        DesiredState desired,
        IReadOnlyList<ManagedGroup> actual,
        IReadOnlyList<Ec2Instance> instances,
        IReadOnlyCollection<(string VpcId, string Name)> foreignNames,
        SyncLimits limits)
    {
        var errors = new List<string>(desired.Errors);
        var steps = new List<PlanStep>();
        var actualByKey = actual
            .GroupBy(g => new GroupKey(g.VpcId, g.Policy))
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.GroupId, StringComparer.Ordinal).ToArray());
        var desiredKeys = desired.Groups.Select(g => g.Key).ToHashSet();
        var taken = foreignNames.ToHashSet();

        foreach (var group in desired.Groups)
        {
            errors.AddRange(QuotaCheck.GroupProblems(group, limits));
            var existing = actualByKey.GetValueOrDefault(group.Key)?[0];
            if (existing is null)
            {
                if (taken.Contains((group.Key.VpcId, group.Name)))
                {
                    errors.Add($"a group named {group.Name} already exists in {group.Key.VpcId} without ztap's {ManagedGroupTags.Managed} tag; ztap will not take it over");
                }

                steps.Add(new CreateGroupStep(group.Key.VpcId, group.Name, group.Key.Policy));
            }

            var current = existing?.Rules ?? [DefaultEgress];
            AddRuleChanges(steps, PlanPhase.Revoke, group, current.Except(group.Rules));
            AddRuleChanges(steps, PlanPhase.Authorize, group, group.Rules.Except(current));
        }

        var managedById = actual.ToDictionary(g => g.GroupId, StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var wanted = desired.GroupsOfInstance.GetValueOrDefault(instance.InstanceId, []);
            foreach (var networkInterface in instance.Interfaces)
            {
                PlanInterface(steps, errors, instance, networkInterface, wanted, managedById, limits);
            }
        }

        // Duplicates of a group (same policy and VPC) are stale copies: only the first is kept.
        foreach (var stale in actualByKey.SelectMany(p => desiredKeys.Contains(p.Key) ? p.Value.Skip(1) : p.Value))
        {
            steps.Add(new DeleteGroupStep(stale.VpcId, stale.Name, stale.GroupId, stale.Policy));
        }

        var ordered = steps.OrderBy(s => s.Phase).ToImmutableArray();
        return new SyncPlan(ordered, [.. errors], desired.Notes, [.. actual]);
    }

    private static void AddRuleChanges(List<PlanStep> steps, PlanPhase phase, DesiredGroup group, IEnumerable<GroupRule> rules)
    {
        foreach (var direction in rules.GroupBy(r => r.Direction).OrderBy(d => d.Key))
        {
            var sorted = direction.OrderBy(r => r.Protocol, StringComparer.Ordinal).ThenBy(r => r.FromPort).ThenBy(r => r.Peer.ToString(), StringComparer.Ordinal);
            steps.Add(new RuleChangeStep(phase, group.Key.VpcId, group.Name, direction.Key, [.. sorted]));
        }
    }

    private static void PlanInterface(
        List<PlanStep> steps,
        List<string> errors,
        Ec2Instance instance,
        InstanceInterface networkInterface,
        ImmutableArray<string> wanted,
        Dictionary<string, ManagedGroup> managedById,
        SyncLimits limits)
    {
        var others = networkInterface.GroupIds.Where(id => !managedById.ContainsKey(id)).ToImmutableArray();
        var current = networkInterface.GroupIds.Where(managedById.ContainsKey).Select(id => managedById[id].Name).ToImmutableArray();
        var removed = current.Except(wanted).ToImmutableArray();
        var added = wanted.Except(current).ToImmutableArray();
        var kept = current.Intersect(wanted).ToImmutableArray();
        if (QuotaCheck.InterfaceProblem(instance.InstanceId, networkInterface.NetworkInterfaceId, others.Length + wanted.Length, limits) is { } problem)
        {
            errors.Add(problem);
        }

        if (others.Length + wanted.Length == 0 && removed.Length > 0)
        {
            errors.Add($"instance {instance.InstanceId} interface {networkInterface.NetworkInterfaceId} would be left with no security group, which EC2 does not allow; give it another group first");
            return;
        }

        // Narrow first. When only ztap groups are on the interface and all go, detaching alone would
        // leave none, so the attach step swaps them in one call instead.
        if (removed.Length > 0 && others.Length + kept.Length > 0)
        {
            steps.Add(new InterfaceGroupsStep(PlanPhase.Detach, instance.VpcId, instance.InstanceId, networkInterface.NetworkInterfaceId, others, kept, removed, []));
            removed = [];
        }

        if (added.Length > 0)
        {
            steps.Add(new InterfaceGroupsStep(PlanPhase.Attach, instance.VpcId, instance.InstanceId, networkInterface.NetworkInterfaceId, others, wanted, added, removed));
        }
    }
}
