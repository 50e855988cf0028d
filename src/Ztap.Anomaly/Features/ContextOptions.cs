namespace Ztap.Anomaly.Features;

/// <summary>
/// The windows and memory bounds of per-source context. The capacities bound what a long-running
/// detector holds: window events, beacon histories, and the sources and pairs kept from training.
/// </summary>
/// <param name="PortWindow">How far back distinct ports on one destination are counted (port scans).</param>
/// <param name="HostWindow">How far back distinct destinations of a source are counted (sweeps, lateral movement).</param>
/// <param name="VolumeWindow">How far back the bytes a source sent to one destination are added up (exfiltration in chunks).</param>
public sealed record ContextOptions(
    TimeSpan PortWindow,
    TimeSpan HostWindow,
    TimeSpan VolumeWindow,
    int WindowCapacity = 65_536,
    int ServiceCapacity = 32_768,
    int MaxProfiledSources = 50_000,
    int MaxProfiledPairs = 250_000)
{
    /// <summary>One minute for ports, five for destinations, an hour for volume.</summary>
    public static ContextOptions Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300), TimeSpan.FromHours(1));

    /// <summary>How many gaps between arrivals must be seen before regularity counts.</summary>
    public const int MinimumBeaconGaps = 4;

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    public string? Problem =>
        PortWindow <= TimeSpan.Zero || HostWindow <= TimeSpan.Zero || VolumeWindow <= TimeSpan.Zero ? "windows must be longer than zero"
        : WindowCapacity < 1 || ServiceCapacity < 1 || MaxProfiledSources < 1 || MaxProfiledPairs < 1 ? "capacities must be at least 1"
        : null;
}
