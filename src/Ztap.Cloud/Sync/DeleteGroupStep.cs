using Amazon.EC2;
using Amazon.EC2.Model;

namespace Ztap.Cloud.Sync;

/// <summary>Deletes a ztap group whose policy no longer selects instances in its VPC.</summary>
public sealed record DeleteGroupStep(string VpcId, string GroupName, string GroupId, string Policy) : PlanStep(PlanPhase.Delete, VpcId)
{
    public override string Describe() => $"delete group {GroupName} ({GroupId}) in {VpcId}, policy {Policy} no longer selects instances there";

    internal override async Task ApplyAsync(IAmazonEC2 client, GroupIds ids, CancellationToken cancellationToken) =>
        await client.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = GroupId }, cancellationToken).ConfigureAwait(false);
}
