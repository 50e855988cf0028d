using System.Net;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Anomaly;

/// <summary>
/// One flow as the anomaly detectors see it: when it happened, who talked to whom on which port,
/// how much was sent and, when known, where each end is (ISO country codes). The agent's flow
/// records and the flow log map onto it with <see cref="From"/>.
/// </summary>
/// <param name="Port">The destination port; 0 for ICMP.</param>
/// <param name="Bytes">Bytes sent by the source during the flow.</param>
/// <param name="SourceGeo">The source's country code, or null when unknown.</param>
/// <param name="DestinationGeo">The destination's country code, or null when unknown.</param>
public sealed record ObservedFlow(
    DateTimeOffset Timestamp,
    IPAddress Source,
    IPAddress Destination,
    int Port,
    Protocol Protocol,
    long Bytes,
    string? SourceGeo = null,
    string? DestinationGeo = null)
{
    /// <summary>
    /// A verdict record as the detectors see it. A record that folded repeats stands for one flow
    /// with their bytes summed; the verdict, direction and workloads are not features.
    /// </summary>
    public static ObservedFlow From(FlowRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Time, record.Source, record.Destination, record.DestinationPort, record.Protocol, record.Bytes, record.SourceGeo, record.DestinationGeo);
    }

    /// <summary>The destination service as <c>10.0.2.5:443/TCP</c>, as reasons print it.</summary>
    public string DestinationText => $"{Destination}:{Port}/{ProtocolNames.Format(Protocol)}";
}
