using Ztap.Enforcement.Ebpf.Kernel;

namespace Ztap.Enforcement.Tests.Ebpf.Kernel;

public sealed class HostPreflightTests
{
    [Fact]
    public void Root_with_every_capability_lacks_none()
    {
        Assert.Empty(HostPreflight.MissingCapabilities(["Name:\tztap", "CapEff:\t000001ffffffffff"]));
    }

    [Fact]
    public void An_unprivileged_process_is_told_each_capability_it_lacks()
    {
        Assert.Equal(["CAP_BPF", "CAP_NET_ADMIN", "CAP_SYS_ADMIN"], HostPreflight.MissingCapabilities(["CapEff:\t0000000000000000"]));
    }

    [Fact]
    public void Capabilities_are_read_bit_by_bit()
    {
        // CAP_NET_ADMIN (12) and CAP_BPF (39) but not CAP_SYS_ADMIN (21).
        Assert.Equal(["CAP_SYS_ADMIN"], HostPreflight.MissingCapabilities(["CapEff:\t0000008000001000"]));
    }
}
