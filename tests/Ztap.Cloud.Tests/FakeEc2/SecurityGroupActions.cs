using System.Net;
using System.Xml.Linq;
using static Ztap.Cloud.Tests.FakeEc2.Ec2Xml;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>The group actions of the fake: DescribeSecurityGroups, CreateSecurityGroup and DeleteSecurityGroup, with EC2's rejections.</summary>
internal sealed class SecurityGroupActions(FakeEc2State state)
{
    public XElement DescribeSecurityGroups(Ec2Request request)
    {
        var ids = request.List("GroupId");
        if (ids.Count > 0 && request.Get("MaxResults") is not null)
        {
            throw new Ec2Fault("InvalidParameterCombination", "The parameter groupIds cannot be used with the parameter maxResults");
        }

        var filters = request.Filters();
        var groups = ids.Count > 0 ? ids.Select(state.Group).ToList() : [.. state.Groups.Values];
        var matching = groups.Where(g => filters.All(f => Matches(g, f.Name, f.Values))).ToList();
        var (page, next) = state.Page(matching, request);
        return Response("DescribeSecurityGroups",
            Set("securityGroupInfo", page.Select(Group)),
            next is null ? null : E("nextToken", next));
    }

    public XElement CreateSecurityGroup(Ec2Request request)
    {
        var name = request.Require("GroupName");
        var description = request.Require("GroupDescription");
        var vpcId = request.Require("VpcId");
        if (name.Length > 255 || name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Fault.InvalidParameter($"Invalid security group name '{name}': at most 255 characters, not starting with sg-");
        }

        if (!state.Vpcs.Contains(vpcId))
        {
            throw new Ec2Fault("InvalidVpcID.NotFound", $"The vpc ID '{vpcId}' does not exist");
        }

        if (state.Groups.Values.Any(g => g.VpcId == vpcId && g.Name == name))
        {
            throw new Ec2Fault("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
        }

        var group = new FakeGroup(state.NewId("sg"), name, vpcId, description);
        foreach (var specification in request.Members("TagSpecification"))
        {
            if (specification.Require("ResourceType") != "security-group")
            {
                throw Ec2Fault.InvalidParameter($"'{specification.Get("ResourceType")}' is not a valid taggable resource type for this operation.");
            }

            foreach (var tag in specification.Members("Tag"))
            {
                group.Tags[tag.Require("Key")] = tag.Get("Value") ?? "";
            }
        }

        // Every new VPC group allows all outbound IPv4 traffic until that rule is revoked.
        group.Egress.Add(new FakeRule("-1", -1, -1, IPNetwork.Parse("0.0.0.0/0"), null));
        state.Groups.Add(group.Id, group);
        return Response("CreateSecurityGroup", E("return", "true"), E("groupId", group.Id), Tags(group.Tags));
    }

    public XElement DeleteSecurityGroup(Ec2Request request)
    {
        var group = state.Group(request.Require("GroupId"));
        if (state.Interfaces.Any(i => i.GroupIds.Contains(group.Id)))
        {
            throw new Ec2Fault("DependencyViolation", $"resource {group.Id} has a dependent object");
        }

        if (state.Groups.Values.Any(g => g != group && g.Ingress.Concat(g.Egress).Any(r => r.GroupId == group.Id)))
        {
            throw new Ec2Fault("DependencyViolation", $"resource {group.Id} has a dependent object");
        }

        state.Groups.Remove(group.Id);
        return Response("DeleteSecurityGroup", E("return", "true"), E("groupId", group.Id));
    }

    public static object?[] Permission(FakeRule rule) =>
    [
        E("ipProtocol", rule.Protocol),
        rule.FromPort == -1 && rule.Protocol is not ("icmp" or "icmpv6") ? null : E("fromPort", rule.FromPort),
        rule.ToPort == -1 && rule.Protocol is not ("icmp" or "icmpv6") ? null : E("toPort", rule.ToPort),
        Set("groups", rule.GroupId is null ? [] : [new object[] { E("userId", "123456789012"), E("groupId", rule.GroupId) }]),
        Set("ipRanges", rule.Cidr is null || rule.IsIPv6 ? [] : [E("cidrIp", rule.Cidr)]),
        Set("ipv6Ranges", rule.IsIPv6 ? [E("cidrIpv6", rule.Cidr)] : []),
        Set("prefixListIds", []),
    ];

    private static bool Matches(FakeGroup group, string name, List<string> values) =>
        FakeEc2State.MatchesTagFilter(name, values, group.Tags) ?? name switch
        {
            "group-name" => values.Contains(group.Name),
            "group-id" => values.Contains(group.Id),
            "vpc-id" => values.Contains(group.VpcId),
            _ => throw Ec2Fault.InvalidParameter($"The filter '{name}' is invalid"),
        };

    private static object?[] Group(FakeGroup group) =>
    [
        E("ownerId", "123456789012"),
        E("groupId", group.Id),
        E("groupName", group.Name),
        E("groupDescription", group.Description),
        E("vpcId", group.VpcId),
        Set("ipPermissions", group.Ingress.Select(Permission)),
        Set("ipPermissionsEgress", group.Egress.Select(Permission)),
        Tags(group.Tags),
    ];
}
