using System.Net;
using Amazon.EC2.Model;
using Ztap.Core.Policy;

namespace Ztap.Cloud.SecurityGroups;

/// <summary>
/// Converts between ztap's one-peer rules and EC2's <see cref="IpPermission"/>, which bundles the
/// peers of one protocol and port range. Protocols come back from EC2 as names or numbers, so both
/// directions normalise them, and ports are -1 wherever the protocol has none.
/// </summary>
internal static class IpPermissionMapping
{
    /// <summary>The rules of EC2's permissions, with group ids turned into managed names where ztap owns the group.</summary>
    public static IEnumerable<GroupRule> ToRules(Direction direction, IEnumerable<IpPermission>? permissions, IReadOnlyDictionary<string, string> managedNameOfId)
    {
        foreach (var permission in permissions ?? [])
        {
            var protocol = NormalizeProtocol(permission.IpProtocol);
            var (from, to) = HasPorts(protocol) ? (permission.FromPort ?? -1, permission.ToPort ?? -1) : (-1, -1);
            foreach (var range in permission.Ipv4Ranges ?? [])
            {
                yield return new GroupRule(direction, protocol, from, to, RulePeer.Block(IPNetwork.Parse(range.CidrIp)));
            }

            foreach (var range in permission.Ipv6Ranges ?? [])
            {
                yield return new GroupRule(direction, protocol, from, to, RulePeer.Block(IPNetwork.Parse(range.CidrIpv6)));
            }

            foreach (var pair in permission.UserIdGroupPairs ?? [])
            {
                var peer = managedNameOfId.TryGetValue(pair.GroupId, out var name) ? RulePeer.Managed(name) : RulePeer.Other(pair.GroupId);
                yield return new GroupRule(direction, protocol, from, to, peer);
            }

            // Prefix lists are never written by ztap; one in a managed group is someone else's edit,
            // and it is reported as a rule to revoke rather than ignored.
            foreach (var prefixList in permission.PrefixListIds ?? [])
            {
                yield return new GroupRule(direction, protocol, from, to, RulePeer.Other(prefixList.Id));
            }
        }
    }

    /// <summary>The permissions that carry exactly these rules, one per protocol and port range.</summary>
    public static List<IpPermission> ToPermissions(IEnumerable<GroupRule> rules, Func<string, string> groupIdOfManagedName) =>
        [.. rules
            .GroupBy(rule => (rule.Protocol, rule.FromPort, rule.ToPort))
            .Select(group => ToPermission(group.Key.Protocol, group.Key.FromPort, group.Key.ToPort, group, groupIdOfManagedName))];

    public static string NormalizeProtocol(string protocol) => protocol.ToLowerInvariant() switch
    {
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        "58" => "icmpv6",
        var other => other,
    };

    public static bool HasPorts(string protocol) => protocol is "tcp" or "udp" or "icmp" or "icmpv6";

    private static IpPermission ToPermission(string protocol, int from, int to, IEnumerable<GroupRule> rules, Func<string, string> groupIdOfManagedName)
    {
        var permission = new IpPermission { IpProtocol = protocol };
        if (HasPorts(protocol))
        {
            permission.FromPort = from;
            permission.ToPort = to;
        }

        foreach (var rule in rules)
        {
            switch (rule.Peer)
            {
                case { Cidr: { } cidr } when rule.Peer.IsIPv6:
                    (permission.Ipv6Ranges ??= []).Add(new Ipv6Range { CidrIpv6 = cidr.ToString() });
                    break;
                case { Cidr: { } cidr }:
                    (permission.Ipv4Ranges ??= []).Add(new IpRange { CidrIp = cidr.ToString() });
                    break;
                case { OtherGroupId: { } id } when id.StartsWith("pl-", StringComparison.Ordinal):
                    (permission.PrefixListIds ??= []).Add(new PrefixListId { Id = id });
                    break;
                default:
                    var groupId = rule.Peer.OtherGroupId ?? groupIdOfManagedName(rule.Peer.ManagedGroup!);
                    (permission.UserIdGroupPairs ??= []).Add(new UserIdGroupPair { GroupId = groupId });
                    break;
            }
        }

        return permission;
    }
}
