namespace Ztap.Core.Policy;

/// <summary>The transport protocols policies speak of, numbered as in the IP header (ICMP covers ICMPv6 too).</summary>
public enum Protocol : byte
{
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    Sctp = 132,
}
