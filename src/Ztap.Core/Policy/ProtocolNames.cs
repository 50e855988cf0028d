namespace Ztap.Core.Policy;

/// <summary>Protocol names as they are written in policies, flows and output.</summary>
public static class ProtocolNames
{
    public static string Format(Protocol protocol) => protocol switch
    {
        Protocol.Icmp => "ICMP",
        Protocol.Tcp => "TCP",
        Protocol.Udp => "UDP",
        Protocol.Sctp => "SCTP",
        _ => ((byte)protocol).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Parses TCP, UDP, SCTP or ICMP (also ICMPv6), case-insensitively.</summary>
    public static bool TryParse(string text, out Protocol protocol)
    {
        switch (text.ToUpperInvariant())
        {
            case "TCP": protocol = Protocol.Tcp; return true;
            case "UDP": protocol = Protocol.Udp; return true;
            case "SCTP": protocol = Protocol.Sctp; return true;
            case "ICMP" or "ICMPV6": protocol = Protocol.Icmp; return true;
            default: protocol = default; return false;
        }
    }

    /// <summary>Whether a protocol has ports; ICMP does not.</summary>
    public static bool HasPorts(Protocol protocol) => protocol != Protocol.Icmp;
}
