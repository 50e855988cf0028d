using System.Collections.Immutable;
using Amazon.EC2;
using Amazon.EC2.Model;
using Ztap.Cloud.SecurityGroups;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>Authorizes or revokes rules of one direction of one ztap group, all in one call.</summary>
public sealed record RuleChangeStep(PlanPhase Phase, string VpcId, string GroupName, Direction Direction, ImmutableArray<GroupRule> Rules)
    : PlanStep(Phase, VpcId)
{
    public bool Authorizes => Phase == PlanPhase.Authorize;

    public override string Describe()
    {
        var verb = Authorizes ? "authorize" : "revoke";
        var side = Direction == Direction.Ingress ? "ingress" : "egress";
        var preposition = Direction == Direction.Ingress ? "from" : "to";
        return $"{verb} {side} on {GroupName}: {string.Join(", ", Rules.Select(r => $"{r.PortText()} {preposition} {r.Peer}"))}";
    }

    internal override async Task ApplyAsync(IAmazonEC2 client, GroupIds ids, CancellationToken cancellationToken)
    {
        var groupId = ids.Of(VpcId, GroupName);
        var permissions = IpPermissionMapping.ToPermissions(Rules, name => ids.Of(VpcId, name));
        switch (Authorizes, Direction)
        {
            case (true, Direction.Ingress):
                await client.AuthorizeSecurityGroupIngressAsync(new() { GroupId = groupId, IpPermissions = permissions }, cancellationToken).ConfigureAwait(false);
                break;
            case (true, _):
                await client.AuthorizeSecurityGroupEgressAsync(new() { GroupId = groupId, IpPermissions = permissions }, cancellationToken).ConfigureAwait(false);
                break;
            case (false, Direction.Ingress):
                await client.RevokeSecurityGroupIngressAsync(new() { GroupId = groupId, IpPermissions = permissions }, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await client.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = permissions }, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
