using System.Net;
using System.Xml.Linq;
using static Ztap.Cloud.Tests.FakeEc2.Ec2Xml;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>
/// Authorize and revoke, ingress and egress, as EC2 does them: one call is all or nothing, a rule
/// that exists already is <c>InvalidPermission.Duplicate</c>, going over the quota is
/// <c>RulesPerSecurityGroupLimitExceeded</c>, and revoking a rule that does not exist reports it
/// back as unknown instead of failing.
/// </summary>
internal sealed class PermissionActions(FakeEc2State state)
{
    public XElement Authorize(Ec2Request request, bool ingress)
    {
        var group = state.Group(request.Require("GroupId"));
        var rules = Parse(request, group);
        var existing = group.Rules(ingress);
        if (rules.FirstOrDefault(existing.Contains) is { } duplicate)
        {
            throw new Ec2Fault("InvalidPermission.Duplicate",
                $"the specified rule \"peer: {duplicate.Cidr?.ToString() ?? duplicate.GroupId}, {duplicate.Protocol}, ALLOW\" already exists");
        }

        var after = existing.Concat(rules).ToArray();
        if (after.Count(r => !r.IsIPv6) > state.RulesPerGroupLimit || after.Count(r => r.IsIPv6 || r.GroupId is not null) > state.RulesPerGroupLimit)
        {
            throw new Ec2Fault("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
        }

        existing.UnionWith(rules);
        return Response(ingress ? "AuthorizeSecurityGroupIngress" : "AuthorizeSecurityGroupEgress", E("return", "true"));
    }

    public XElement Revoke(Ec2Request request, bool ingress)
    {
        var group = state.Group(request.Require("GroupId"));
        var rules = Parse(request, group);
        var existing = group.Rules(ingress);
        var unknown = rules.Where(r => !existing.Contains(r)).ToList();
        existing.ExceptWith(rules);
        return Response(ingress ? "RevokeSecurityGroupIngress" : "RevokeSecurityGroupEgress",
            E("return", "true"),
            unknown.Count == 0 ? null : Set("unknownIpPermissionSet", unknown.Select(SecurityGroupActions.Permission)));
    }

    private List<FakeRule> Parse(Ec2Request request, FakeGroup group)
    {
        var permissions = request.Members("IpPermissions");
        if (permissions.Count == 0)
        {
            throw new Ec2Fault("MissingParameter", "The request must contain the parameter ipPermissions");
        }

        var rules = new List<FakeRule>();
        foreach (var permission in permissions)
        {
            var protocol = Protocol(permission.Require("IpProtocol"));
            var (from, to) = Ports(protocol, permission);
            var peers = permission.Members("IpRanges").Select(r => Cidr(r.Require("CidrIp"), ipv6: false, protocol))
                .Concat(permission.Members("Ipv6Ranges").Select(r => Cidr(r.Require("CidrIpv6"), ipv6: true, protocol)))
                .Select(cidr => new FakeRule(protocol, from, to, cidr, null))
                .Concat(permission.Members("Groups").Select(g => new FakeRule(protocol, from, to, null, GroupInVpc(g.Require("GroupId"), group.VpcId))))
                .ToList();
            if (peers.Count == 0)
            {
                throw Ec2Fault.InvalidParameter("A permission must name at least one CIDR block, IPv6 block or security group");
            }

            rules.AddRange(peers);
        }

        return rules;
    }

    private static string Protocol(string text) => text.ToLowerInvariant() switch
    {
        "tcp" or "6" => "tcp",
        "udp" or "17" => "udp",
        "icmp" or "1" => "icmp",
        "icmpv6" or "58" => "icmpv6",
        "-1" or "all" => "-1",
        var number when int.TryParse(number, out var n) && n is >= 0 and <= 255 => number,
        _ => throw Ec2Fault.InvalidParameter($"Invalid value '{text}' for IP protocol. Unknown protocol."),
    };

    private static (int From, int To) Ports(string protocol, Ec2Request permission)
    {
        switch (protocol)
        {
            case "tcp" or "udp":
                var from = permission.Int("FromPort") ?? throw new Ec2Fault("MissingParameter", "The request must contain the parameter fromPort");
                var to = permission.Int("ToPort") ?? throw new Ec2Fault("MissingParameter", "The request must contain the parameter toPort");
                return from is >= 0 and <= 65535 && to is >= 0 and <= 65535 && from <= to
                    ? (from, to)
                    : throw Ec2Fault.InvalidParameter($"Invalid port range {from}-{to}");
            case "icmp" or "icmpv6":
                return (permission.Int("FromPort") ?? -1, permission.Int("ToPort") ?? -1);
            default:
                // EC2 ignores ports for every other protocol: the rule covers them all.
                return (-1, -1);
        }
    }

    private static IPNetwork Cidr(string text, bool ipv6, string protocol)
    {
        if (!IPNetwork.TryParse(text, out var cidr) || (cidr.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) != ipv6)
        {
            throw Ec2Fault.InvalidParameter($"CIDR block {text} is malformed");
        }

        if ((protocol == "icmp" && ipv6) || (protocol == "icmpv6" && !ipv6))
        {
            throw Ec2Fault.InvalidParameter($"Protocol {protocol} does not apply to {text}");
        }

        return cidr;
    }

    private string GroupInVpc(string groupId, string vpcId) =>
        state.Group(groupId).VpcId == vpcId ? groupId : throw Ec2Fault.GroupNotFound(groupId);
}
