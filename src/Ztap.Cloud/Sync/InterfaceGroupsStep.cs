using System.Collections.Immutable;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Sets the groups of one network interface: the groups ztap does not own stay as they are, and
/// the ztap groups become exactly <see cref="ManagedGroups"/>. EC2 replaces the whole list in one
/// call, so the change is atomic on the interface.
/// </summary>
/// <param name="OtherGroupIds">The interface's groups that ztap does not own, kept.</param>
/// <param name="Changed">The ztap groups this step adds (attach) or removes (detach), for the plan's text.</param>
/// <param name="Replaced">The ztap groups an attach removes in the same call, when detaching them first would leave the interface with none.</param>
public sealed record InterfaceGroupsStep(
    PlanPhase Phase,
    string VpcId,
    string InstanceId,
    string NetworkInterfaceId,
    ImmutableArray<string> OtherGroupIds,
    ImmutableArray<string> ManagedGroups,
    ImmutableArray<string> Changed,
    ImmutableArray<string> Replaced) : PlanStep(Phase, VpcId)
{
    public override string Describe()
    {
        var verb = Phase == PlanPhase.Attach ? "attach" : "detach";
        var preposition = Phase == PlanPhase.Attach ? "to" : "from";
        var replacing = Replaced.IsEmpty ? "" : $", replacing {string.Join(", ", Replaced)}";
        return $"{verb} {string.Join(", ", Changed)} {preposition} {InstanceId} ({NetworkInterfaceId}){replacing}";
    }

    internal override async Task ApplyAsync(IAmazonEC2 client, GroupIds ids, CancellationToken cancellationToken)
    {
        List<string> groups = [.. OtherGroupIds, .. ManagedGroups.Select(name => ids.Of(VpcId, name))];
        await client.ModifyNetworkInterfaceAttributeAsync(
            new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = NetworkInterfaceId, Groups = groups },
            cancellationToken).ConfigureAwait(false);
    }
}
