using Ztap.Core.Policy;
using Ztap.Enforcement.Nftables;

namespace Ztap.Enforcement.Tests.Nftables.Nflog;

public sealed class NflogPrefixTests
{
    [Theory]
    [InlineData(EnforcementMode.Enforce, Direction.Egress, 0, "ztap deny egress 0 3f9c1a0b7d2e")]
    [InlineData(EnforcementMode.Audit, Direction.Ingress, 1234, "ztap audit ingress 1234 3f9c1a0b7d2e")]
    public void A_prefix_says_mode_direction_policy_and_set_version_and_reads_back(EnforcementMode mode, Direction direction, int policy, string text)
    {
        var prefix = NflogPrefix.For(mode, direction, policy, "3f9c1a0b7d2e" + new string('0', 52));

        Assert.Equal(text, prefix.ToString());
        Assert.Equal(prefix, NflogPrefix.Parse(text));
        Assert.True(prefix.IsOf("3f9c1a0b7d2e" + new string('1', 52)));
        Assert.False(prefix.IsOf("4f9c1a0b7d2e"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("IN=eth0 OUT= SRC=10.0.0.1")]
    [InlineData("ztap drop egress 0 3f9c1a0b7d2e")]
    [InlineData("ztap deny sideways 0 3f9c1a0b7d2e")]
    [InlineData("ztap deny egress -1 3f9c1a0b7d2e")]
    [InlineData("ztap deny egress 0")]
    public void Prefixes_ztap_did_not_write_are_not_read(string text) => Assert.Null(NflogPrefix.Parse(text));
}
