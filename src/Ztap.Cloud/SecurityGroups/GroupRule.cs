using System.Globalization;
using Ztap.Core.Policy;

namespace Ztap.Cloud.SecurityGroups;

/// <summary>
/// One Security Group rule as EC2 counts them: a direction, a protocol (<c>-1</c> for all, else
/// <c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c> or a number), a port range (-1 where the
/// protocol has none) and exactly one peer.
/// </summary>
public readonly record struct GroupRule(Direction Direction, string Protocol, int FromPort, int ToPort, RulePeer Peer)
{
    public const string AllProtocols = "-1";

    /// <summary>The rule as the plan prints it: <c>ingress tcp/443 from 10.0.0.0/8</c>.</summary>
    public override string ToString()
    {
        var direction = Direction == Direction.Ingress ? "ingress" : "egress";
        var preposition = Direction == Direction.Ingress ? "from" : "to";
        return $"{direction} {PortText()} {preposition} {Peer}";
    }

    public string PortText()
    {
        if (Protocol == AllProtocols)
        {
            return "all";
        }

        if (FromPort < 0 || (FromPort == 0 && ToPort == ushort.MaxValue))
        {
            return Protocol;
        }

        var ports = FromPort == ToPort
            ? FromPort.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{FromPort}-{ToPort}");
        return $"{Protocol}/{ports}";
    }
}
