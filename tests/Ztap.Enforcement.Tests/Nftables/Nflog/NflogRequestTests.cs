using Ztap.Enforcement.Nftables.Nflog;

namespace Ztap.Enforcement.Tests.Nftables.Nflog;

public sealed class NflogRequestTests
{
    // The kernel acknowledged these exact bytes (CapturedDatagrams.BindAck echoes the bind's header).
    [Fact]
    public void The_bind_request_names_the_group_as_a_big_endian_resource_id_and_asks_for_an_acknowledgement()
    {
        Assert.Equal(
            "1C000000010405000100000000000000" + "00001D35" + "05000100" + "01000000",
            Convert.ToHexString(NflogRequest.Bind(7477, 1)));
    }

    [Fact]
    public void The_settings_request_copies_128_bytes_of_each_packet_numbers_them_and_flushes_after_a_tenth_of_a_second()
    {
        Assert.Equal(
            "30000000010405000200000000000000" + "00001D35" + "0A000200" + "000000800200" + "0000" + "06000600" + "0001" + "0000" + "08000400" + "0000000A",
            Convert.ToHexString(NflogRequest.Settings(7477, 2, 128, 10)));
    }
}
