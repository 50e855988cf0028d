namespace Ztap.Anomaly.Features;

/// <summary>A source using a protocol and port, on any destination.</summary>
/// <param name="Service">The protocol number shifted left 16 bits, or-ed with the port.</param>
internal readonly record struct SourceService(HostKey Source, int Service)
{
    public static int ServiceOf(ObservedFlow flow) => ((int)flow.Protocol << 16) | (flow.Port & 0xFFFF);
}
