using Ztap.Cloud.SecurityGroups;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// How a protocol and port range of the policies becomes EC2 protocol fields, per address family
/// (ICMP is <c>icmp</c> for IPv4 and <c>icmpv6</c> for IPv6). Null with a reason when EC2 cannot say
/// it without allowing more: EC2 ignores ports for every protocol but TCP and UDP, and the policy
/// model has no ICMP type or code.
/// </summary>
internal readonly record struct ProtocolMapping(string IPv4Protocol, string IPv6Protocol, int FromPort, int ToPort)
{
    public static ProtocolMapping? For(Protocol? protocol, int from, int to, out string? problem)
    {
        problem = null;
        var allPorts = from == 0 && to == ushort.MaxValue;
        switch (protocol)
        {
            case null:
                return new(GroupRule.AllProtocols, GroupRule.AllProtocols, -1, -1);
            case Protocol.Tcp:
                return new("tcp", "tcp", from, to);
            case Protocol.Udp:
                return new("udp", "udp", from, to);
            case Protocol.Icmp when allPorts:
                return new("icmp", "icmpv6", -1, -1);
            case Protocol.Sctp when allPorts:
                return new("132", "132", -1, -1);
            default:
                problem = $"{ProtocolNames.Format(protocol.Value)} ports {from}-{to}: a Security Group rule for this protocol covers every port, which would allow more than the policy";
                return null;
        }
    }
}
