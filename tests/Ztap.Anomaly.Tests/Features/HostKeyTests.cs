using System.Net;
using Ztap.Anomaly.Features;

namespace Ztap.Anomaly.Tests.Features;

public sealed class HostKeyTests
{
    [Theory]
    [InlineData("10.0.3.7")]
    [InlineData("2001:db8::7")]
    [InlineData("::ffff:10.0.3.7")]
    public void An_address_survives_the_trip_through_its_key(string text)
    {
        var address = IPAddress.Parse(text);

        Assert.Equal(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, HostKey.Of(address).ToAddress());
    }

    [Fact]
    public void An_IPv4_address_and_its_mapped_IPv6_form_are_one_host() =>
        Assert.Equal(HostKey.Of(IPAddress.Parse("10.0.3.7")), HostKey.Of(IPAddress.Parse("::ffff:10.0.3.7")));
}
