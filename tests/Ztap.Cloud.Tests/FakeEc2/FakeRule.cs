using System.Net;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>
/// One rule of a fake group, stored as EC2 stores it: a normalized protocol, ports (-1 where the
/// protocol has none) and one peer, an address block or a group id.
/// </summary>
internal sealed record FakeRule(string Protocol, int FromPort, int ToPort, IPNetwork? Cidr, string? GroupId)
{
    public bool IsIPv6 => Cidr is { } cidr && cidr.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    /// <summary>Whether the rule admits traffic of this protocol and port; ICMP rules here only ever cover every type.</summary>
    public bool Matches(string protocol, int port) =>
        Protocol == "-1"
        || (Protocol == protocol && (FromPort == -1 || (port >= FromPort && port <= ToPort)));
}
