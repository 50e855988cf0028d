using System.Net;
using Ztap.Core.Policy.Validation;

namespace Ztap.Core.Tests.Policy.Validation;

public sealed class AddressSyntaxTests
{
    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("::1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("10.1", false)]
    [InlineData("10", false)]
    [InlineData("010.0.0.1", false)]
    [InlineData("256.0.0.1", false)]
    [InlineData("10.0.0.1.2", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData(" 10.0.0.1", false)]
    [InlineData("web", false)]
    public void Addresses_are_parsed_strictly(string text, bool valid) =>
        Assert.Equal(valid, IpAddressSyntax.TryParse(text, out _));

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", false)]
    [InlineData("10.0.1.1/24", "10.0.1.0/24", true)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", false)]
    [InlineData("10.0.0.1/32", "10.0.0.1/32", false)]
    [InlineData("2001:db8::1/32", "2001:db8::/32", true)]
    [InlineData("fd00::/8", "fd00::/8", false)]
    [InlineData("10.255.255.255/9", "10.128.0.0/9", true)]
    public void A_CIDR_is_reduced_to_its_network(string text, string network, bool hasHostBits)
    {
        Assert.True(CidrSyntax.TryParse(text, out var parsed, out var hostBits, out var error), error);

        Assert.Equal((IPNetwork.Parse(network), hasHostBits), (parsed, hostBits));
    }

    [Theory]
    [InlineData("10.0.0.1", "'10.0.0.1' is an address, not a CIDR; write 10.0.0.1/32 for just that address")]
    [InlineData("::1", "'::1' is an address, not a CIDR; write ::1/128 for just that address")]
    [InlineData("10.0.0.0/", "the prefix length in '10.0.0.0/' must be a number from 0 to 32")]
    [InlineData("10.0.0.0/-1", "the prefix length in '10.0.0.0/-1' must be a number from 0 to 32")]
    [InlineData("::/129", "the prefix length in '::/129' must be a number from 0 to 128")]
    [InlineData("10.0.0.0/ 8", "the prefix length in '10.0.0.0/ 8' must be a number from 0 to 32")]
    [InlineData("web/8", "'web' in 'web/8' is not an IP address")]
    [InlineData("web", "'web' is not a CIDR such as 10.0.0.0/16 or fd00::/64")]
    public void Malformed_CIDRs_say_what_is_wrong(string text, string message)
    {
        Assert.False(CidrSyntax.TryParse(text, out _, out _, out var error));

        Assert.Equal(message, error);
    }
}
