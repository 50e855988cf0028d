using System.Net;

namespace Ztap.Cloud.SecurityGroups;

/// <summary>
/// The other end of a Security Group rule: an address block, a group ztap manages (by name, which is
/// unique in its VPC and known before the group exists), or a group ztap does not manage (by id).
/// </summary>
public readonly record struct RulePeer(IPNetwork? Cidr, string? ManagedGroup, string? OtherGroupId)
{
    public static RulePeer Block(IPNetwork cidr) => new(cidr, null, null);

    public static RulePeer Managed(string groupName) => new(null, groupName, null);

    public static RulePeer Other(string groupId) => new(null, null, groupId);

    public bool IsIPv6 => Cidr is { } cidr && cidr.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    public override string ToString() => Cidr?.ToString() ?? $"group {ManagedGroup ?? OtherGroupId}";
}
