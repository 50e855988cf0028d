using Amazon.EC2;
using Amazon.EC2.Model;
using Ztap.Cloud.SecurityGroups;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Creates a ztap group with its ownership tags in the same call, so that no group ztap made can
/// exist without them and a re-run always recognises it.
/// </summary>
public sealed record CreateGroupStep(string VpcId, string GroupName, string Policy) : PlanStep(PlanPhase.Create, VpcId)
{
    public override string Describe() => $"create group {GroupName} in {VpcId} for policy {Policy}";

    internal override async Task ApplyAsync(IAmazonEC2 client, GroupIds ids, CancellationToken cancellationToken)
    {
        var response = await client.CreateSecurityGroupAsync(
            new CreateSecurityGroupRequest
            {
                GroupName = GroupName,
                Description = ManagedGroupTags.Description(Policy),
                VpcId = VpcId,
                TagSpecifications =
                [
                    new TagSpecification
                    {
                        ResourceType = ResourceType.SecurityGroup,
                        Tags = [new Tag(ManagedGroupTags.Managed, ManagedGroupTags.ManagedValue), new Tag(ManagedGroupTags.Policy, Policy)],
                    },
                ],
            },
            cancellationToken).ConfigureAwait(false);
        ids.Add(VpcId, GroupName, response.GroupId);
    }
}
