using Ztap.Enforcement;

namespace Ztap.Cli.Agent;

/// <summary>
/// How the agent asks its backend to enforce: as told, and with nftables also logging denied
/// packets to NFLOG, since the agent exists to feed the flow log (eBPF reports every verdict anyway).
/// </summary>
internal static class AgentEnforcement
{
    public static EnforcementOptions For(string backend, EnforcementOptions options) =>
        backend == "nftables" && options.LogDenied is null ? options with { LogDenied = new DeniedPacketLog() } : options;
}
