using System.Collections.Immutable;
using Amazon.EC2;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.SecurityGroups;
using Ztap.Cloud.Status;
using Ztap.Core.Compiler;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Keeps ztap's Security Groups in step with a compiled <see cref="PolicySet"/>: reads what EC2 has,
/// plans the difference and, when asked, applies it step by step in the plan's safe order.
/// </summary>
public sealed class Ec2Sync(IAmazonEC2 client)
{
    public async Task<SyncPlan> PlanAsync(PolicySet set, IReadOnlyList<Ec2Instance> instances, SyncLimits limits, CancellationToken cancellationToken)
    {
        var actual = await new SecurityGroupReader(client).ReadManagedAsync(cancellationToken).ConfigureAwait(false);
        return await PlanAsync(DesiredStateBuilder.Build(set, instances), actual, instances, limits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The instances with their ztap groups and, when <paramref name="set"/> is given, whether a sync
    /// would change them. Reads only; nothing is changed.
    /// </summary>
    public async Task<CloudStatus> StatusAsync(
        string region, IReadOnlyList<Ec2Instance> instances, PolicySet? set, SyncLimits limits, CancellationToken cancellationToken)
    {
        var actual = await new SecurityGroupReader(client).ReadManagedAsync(cancellationToken).ConfigureAwait(false);
        if (set is null)
        {
            return CloudStatusBuilder.Build(region, instances, actual, null, null);
        }

        var desired = DesiredStateBuilder.Build(set, instances);
        var plan = await PlanAsync(desired, actual, instances, limits, cancellationToken).ConfigureAwait(false);
        return CloudStatusBuilder.Build(region, instances, actual, desired, plan);
    }

    private async Task<SyncPlan> PlanAsync(
        DesiredState desired, ImmutableArray<ManagedGroup> actual, IReadOnlyList<Ec2Instance> instances, SyncLimits limits, CancellationToken cancellationToken)
    {
        var existing = actual.Select(g => (g.VpcId, g.Name)).ToHashSet();
        var toCreate = desired.Groups.Where(g => !existing.Contains((g.Key.VpcId, g.Name))).Select(g => g.Name).ToArray();
        var foreign = toCreate.Length == 0 ? [] : await new SecurityGroupReader(client).FindForeignAsync(toCreate, cancellationToken).ConfigureAwait(false);
        return SyncPlanner.Plan(desired, actual, instances, foreign, limits);
    }

    /// <summary>Applies every step in order; stops at the first one EC2 refuses, with <see cref="SyncApplyException"/>.</summary>
    public async Task<SyncResult> ApplyAsync(SyncPlan plan, CancellationToken cancellationToken)
    {
        if (!plan.CanApply)
        {
            throw new InvalidOperationException("a plan with errors is never applied");
        }

        var ids = new GroupIds();
        foreach (var group in plan.ExistingGroups)
        {
            ids.Add(group.VpcId, group.Name, group.GroupId);
        }

        var postponed = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < plan.Steps.Length; i++)
        {
            var step = plan.Steps[i];
            try
            {
                await step.ApplyAsync(client, ids, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonEC2Exception exception) when (step is DeleteGroupStep delete && exception.ErrorCode == "DependencyViolation")
            {
                // Still on an interface or named by a rule ztap does not manage, such as a stopped
                // instance's; deleting it later is safe, forcing it is not.
                postponed.Add($"{delete.GroupName} ({delete.GroupId}) in {delete.VpcId}: {exception.Message}");
            }
            catch (AmazonEC2Exception exception)
            {
                throw new SyncApplyException(i + 1, plan.Steps.Length, step, exception);
            }
        }

        return new SyncResult(plan.Steps.Length - postponed.Count, postponed.ToImmutable());
    }
}
