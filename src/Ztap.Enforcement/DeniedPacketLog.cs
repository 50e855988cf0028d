namespace Ztap.Enforcement;

/// <summary>
/// Sends denied packets to userspace for the flow log (nftables: an NFLOG group), at most
/// <see cref="RatePerSecond"/> a second after a first <see cref="Burst"/>, so a flood of denied
/// traffic costs a bounded amount of logging; the packets over the limit are only counted.
/// </summary>
/// <param name="Group">The NFLOG group the reader binds to; one reader per group and network namespace.</param>
public sealed record DeniedPacketLog(ushort Group = DeniedPacketLog.DefaultGroup, int RatePerSecond = 100, int Burst = 50)
{
    public const ushort DefaultGroup = 7477;
}
