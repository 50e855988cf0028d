using System.Net;
using Ztap.Cloud.Addressing;

namespace Ztap.Cloud.Tests.Addressing;

public sealed class CidrCoverTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "", "10.0.0.0/8")]
    [InlineData("10.0.0.0/8", "10.0.0.0/9", "10.128.0.0/9")]
    [InlineData("10.0.0.0/30", "10.0.0.1/32", "10.0.0.0/32 10.0.0.2/31")]
    [InlineData("0.0.0.0/0", "255.255.255.255/32", "0.0.0.0/1 128.0.0.0/2 192.0.0.0/3 224.0.0.0/4 240.0.0.0/5 248.0.0.0/6 252.0.0.0/7 254.0.0.0/8 255.0.0.0/9 255.128.0.0/10 255.192.0.0/11 255.224.0.0/12 255.240.0.0/13 255.248.0.0/14 255.252.0.0/15 255.254.0.0/16 255.255.0.0/17 255.255.128.0/18 255.255.192.0/19 255.255.224.0/20 255.255.240.0/21 255.255.248.0/22 255.255.252.0/23 255.255.254.0/24 255.255.255.0/25 255.255.255.128/26 255.255.255.192/27 255.255.255.224/28 255.255.255.240/29 255.255.255.248/30 255.255.255.252/31 255.255.255.254/32")]
    [InlineData("::/0", "", "::/0")]
    [InlineData("::/0", "8000::/1", "::/1")]
    [InlineData("2001:db8::/32", "2001:db8::/33", "2001:db8:8000::/33")]
    public void A_block_minus_its_excepts_is_covered_exactly(string block, string except, string expected)
    {
        var set = AddressSet.Of([AddressRange.Of(IPNetwork.Parse(block))]);
        var cut = AddressSet.Of(except.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => AddressRange.Of(IPNetwork.Parse(e))));

        var cover = set.Except(cut).ToCidrs().Select(c => c.ToString());

        Assert.Equal(expected.Split(' '), cover);
    }

    [Fact]
    public void Adjacent_hosts_merge_into_one_block()
    {
        var hosts = AddressSet.Of(new[] { "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7" }.Select(a => AddressRange.Of(IPAddress.Parse(a))));

        Assert.Equal(["10.0.0.4/30"], hosts.ToCidrs().Select(c => c.ToString()));
    }
}
