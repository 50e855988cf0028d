using Ztap.Core.Policy;

namespace Ztap.Anomaly.Features;

/// <summary>A source using a protocol and port, on any destination.</summary>
/// <param name="Service">The protocol number shifted left 16 bits, or-ed with the port.</param>
internal readonly record struct SourceService(HostKey Source, int Service)
{
    public static int ServiceOf(ObservedFlow flow) => ServiceOf(flow.Protocol, flow.Port);

    public static int ServiceOf(Protocol protocol, int port) => ((int)protocol << 16) | (port & 0xFFFF);
}
