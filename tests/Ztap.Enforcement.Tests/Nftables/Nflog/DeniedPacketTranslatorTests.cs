using System.Net;
using System.Text;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement.Nftables;
using Ztap.Enforcement.Nftables.Nflog;

namespace Ztap.Enforcement.Tests.Nftables.Nflog;

public sealed class DeniedPacketTranslatorTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_logged_denial_becomes_a_flow_record_naming_the_policy_and_both_workloads()
    {
        var set = await ExampleEstate.CompileAsync();
        var policy = set.Policies.ToList().FindIndex(p => p.QualifiedName == "default/db-allow-web");
        var prefix = NflogPrefix.For(EnforcementMode.Enforce, Direction.Ingress, policy, set.Version).ToString();

        var record = Translate(new DeniedPacketTranslator(set), prefix, Tcp4("10.0.1.10", 40000, "10.0.2.10", 6379));

        Assert.NotNull(record);
        Assert.Equal((Received, IPAddress.Parse("10.0.1.10"), 40000, IPAddress.Parse("10.0.2.10"), 6379, Protocol.Tcp, 40L), (record.Time, record.Source, record.SourcePort, record.Destination, record.DestinationPort, record.Protocol, record.Bytes));
        Assert.Equal((Direction.Ingress, Verdict.Deny, true), (record.Direction, record.Verdict, record.Enforced));
        Assert.Equal(("default/db-allow-web", "default/web-1", "default/db-1"), (record.Policy, record.SourceWorkload, record.DestinationWorkload));
    }

    [Fact]
    public async Task A_denial_logged_under_another_set_version_keeps_its_flow_but_names_no_policy()
    {
        var set = await ExampleEstate.CompileAsync();
        var translator = new DeniedPacketTranslator(set);

        var record = Translate(translator, "ztap audit egress 0 000000000000", Tcp4("10.0.1.10", 40000, "192.0.2.1", 443));

        Assert.NotNull(record);
        Assert.Equal((false, null, "default/web-1", null), (record.Enforced, record.Policy, record.SourceWorkload, record.DestinationWorkload));
    }

    [Fact]
    public async Task Packets_logged_by_others_in_the_group_give_no_record()
    {
        var translator = new DeniedPacketTranslator(await ExampleEstate.CompileAsync());

        Assert.Null(Translate(translator, "IN=eth0 DROP", Tcp4("10.0.1.10", 40000, "10.0.2.10", 6379)));
        Assert.Null(Translate(translator, "ztap deny egress 0 000000000000", [0x45, 0, 0]));
    }

    private static Core.Flows.FlowRecord? Translate(DeniedPacketTranslator translator, string prefix, byte[] payload) =>
        translator.Translate(new NflogMessage { Type = 0x400, Prefix = Encoding.UTF8.GetBytes(prefix), Payload = payload }, Received);

    private static byte[] Tcp4(string source, int sourcePort, string destination, int destinationPort)
    {
        var packet = new byte[40];
        packet[0] = 0x45;
        packet[3] = 40;
        packet[9] = 6;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(packet, 12);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(packet, 16);
        packet[20] = (byte)(sourcePort >> 8);
        packet[21] = (byte)sourcePort;
        packet[22] = (byte)(destinationPort >> 8);
        packet[23] = (byte)destinationPort;
        return packet;
    }
}
