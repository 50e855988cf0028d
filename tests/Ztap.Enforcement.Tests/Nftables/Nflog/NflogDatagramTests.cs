using System.Text;
using Ztap.Enforcement.Nftables.Nflog;

namespace Ztap.Enforcement.Tests.Nftables.Nflog;

public sealed class NflogDatagramTests
{
    [Fact]
    public void A_datagram_of_two_logged_packets_gives_both_with_prefix_payload_sequence_and_timestamp()
    {
        var packets = Packets(CapturedDatagrams.AuditUdp6AndIngressTcp4);

        Assert.Equal(2, packets.Count);
        Assert.Equal(("ztap audit egress 1 abcdef012345", 0u, null, 49), (packets[0].Prefix, packets[0].Sequence, packets[0].Timestamp, packets[0].PayloadLength));
        Assert.Equal(("ztap deny ingress 2 abcdef012345", 1u), (packets[1].Prefix, packets[1].Sequence));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795911146).AddTicks(54828 * 10), packets[1].Timestamp);
        Assert.Equal(60, packets[1].PayloadLength);
    }

    [Fact]
    public void The_acknowledgement_of_a_request_gives_its_sequence_and_no_error()
    {
        var acks = new List<(uint, int)>();
        foreach (var message in new NflogDatagram(CapturedDatagrams.BindAck))
        {
            Assert.True(message.IsAck);
            acks.Add((message.RequestSequence, message.Error));
        }

        Assert.Equal([(1u, 0)], acks);
    }

    [Fact]
    public void A_datagram_cut_short_gives_no_message_rather_than_reading_past_its_end()
    {
        for (var length = 0; length < CapturedDatagrams.EgressUdp4.Length; length++)
        {
            Assert.Empty(Packets(CapturedDatagrams.EgressUdp4.AsSpan(0, length).ToArray()));
        }

        Assert.Single(Packets(CapturedDatagrams.EgressUdp4));
    }

    private static List<(string Prefix, uint? Sequence, DateTimeOffset? Timestamp, int PayloadLength)> Packets(byte[] datagram)
    {
        var packets = new List<(string, uint?, DateTimeOffset?, int)>();
        foreach (var message in new NflogDatagram(datagram))
        {
            Assert.True(message.IsPacket);
            packets.Add((Encoding.UTF8.GetString(message.Prefix), message.Sequence, message.Timestamp, message.Payload.Length));
        }

        return packets;
    }
}
