using System.Net;
using Ztap.Enforcement.Nftables.Nflog;

namespace Ztap.Enforcement.Tests.Nftables.Nflog;

public sealed class PacketHeadersTests
{
    [Fact]
    public void Logged_ipv4_and_ipv6_packets_give_their_addresses_protocol_ports_and_length()
    {
        var headers = new List<PacketHeaders?>();
        foreach (var datagram in new[] { CapturedDatagrams.EgressUdp4, CapturedDatagrams.AuditUdp6AndIngressTcp4 })
        {
            foreach (var message in new NflogDatagram(datagram))
            {
                headers.Add(PacketHeaders.Parse(message.Payload));
            }
        }

        Assert.Equal(
            [
                new PacketHeaders(IPAddress.Parse("127.0.0.1"), IPAddress.Parse("127.0.0.2"), 17, 40001, 53, 33),
                new PacketHeaders(IPAddress.Parse("::1"), IPAddress.Parse("::2"), 17, 40002, 9000, 49),
                new PacketHeaders(IPAddress.Parse("127.0.0.1"), IPAddress.Parse("127.0.0.1"), 6, 40003, 81, 60),
            ],
            headers);
    }

    [Fact]
    public void Icmpv6_is_reported_as_icmp_without_ports()
    {
        var packet = new byte[48];
        packet[0] = 0x60;
        packet[5] = 8;
        packet[6] = 58;
        packet[23] = 1;
        packet[39] = 2;
        packet[40] = 128;

        Assert.Equal(new PacketHeaders(IPAddress.Parse("::1"), IPAddress.Parse("::2"), 1, 0, 0, 48), PacketHeaders.Parse(packet));
    }

    [Fact]
    public void A_later_ipv4_fragment_has_no_ports_and_a_packet_of_no_ip_version_is_none()
    {
        var fragment = new byte[28];
        fragment[0] = 0x45;
        fragment[3] = 28;
        fragment[7] = 185;
        fragment[9] = 17;
        fragment[20] = 0x12;

        Assert.Equal((0, 0), PacketHeaders.Parse(fragment) is { } h ? (h.SourcePort, h.DestinationPort) : (-1, -1));
        Assert.Null(PacketHeaders.Parse([0x55, 0, 0, 0]));
        Assert.Null(PacketHeaders.Parse([0x45, 0, 0]));
        Assert.Null(PacketHeaders.Parse([]));
    }
}
