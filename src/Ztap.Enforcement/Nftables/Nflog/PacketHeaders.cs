using System.Buffers.Binary;
using System.Net;

namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>
/// What the flow log needs from the first bytes of a logged packet: addresses, the transport
/// protocol (ICMPv6 reported as ICMP, as policies speak of it), the ports for TCP, UDP and SCTP (0
/// otherwise, and for fragments after the first), and the packet's length from its IP header.
/// </summary>
internal readonly record struct PacketHeaders(IPAddress Source, IPAddress Destination, byte Protocol, int SourcePort, int DestinationPort, long Length)
{
    private const byte Icmp = 1;
    private const byte Icmpv6 = 58;

    public static PacketHeaders? Parse(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return null;
        }

        return (packet[0] >> 4) switch
        {
            4 => ParseV4(packet),
            6 => ParseV6(packet),
            _ => null,
        };
    }

    private static PacketHeaders? ParseV4(ReadOnlySpan<byte> packet)
    {
        var headerLength = (packet[0] & 0xf) * 4;
        if (packet.Length < 20 || headerLength < 20)
        {
            return null;
        }

        var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]) & 0x1fff;
        var protocol = packet[9];
        var (sourcePort, destinationPort) = fragmentOffset == 0 ? Ports(protocol, packet, headerLength) : (0, 0);
        return new PacketHeaders(
            new IPAddress(packet[12..16]),
            new IPAddress(packet[16..20]),
            protocol,
            sourcePort,
            destinationPort,
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]));
    }

    private static PacketHeaders? ParseV6(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 40)
        {
            return null;
        }

        // Walk the extension headers a first packet may carry to reach the transport header.
        var next = packet[6];
        var at = 40;
        var fragment = false;
        while (next is 0 or 43 or 44 or 60 && packet.Length >= at + 8)
        {
            if (next == 44)
            {
                fragment |= (BinaryPrimitives.ReadUInt16BigEndian(packet[(at + 2)..]) & 0xfff8) != 0;
                (next, at) = (packet[at], at + 8);
            }
            else
            {
                (next, at) = (packet[at], at + ((packet[at + 1] + 1) * 8));
            }
        }

        var (sourcePort, destinationPort) = fragment ? (0, 0) : Ports(next, packet, at);
        return new PacketHeaders(
            new IPAddress(packet[8..24]),
            new IPAddress(packet[24..40]),
            next == Icmpv6 ? Icmp : next,
            sourcePort,
            destinationPort,
            40 + BinaryPrimitives.ReadUInt16BigEndian(packet[4..]));
    }

    private static (int Source, int Destination) Ports(byte protocol, ReadOnlySpan<byte> packet, int at) =>
        protocol is 6 or 17 or 132 or 136 && packet.Length >= at + 4
            ? (BinaryPrimitives.ReadUInt16BigEndian(packet[at..]), BinaryPrimitives.ReadUInt16BigEndian(packet[(at + 2)..]))
            : (0, 0);
}
