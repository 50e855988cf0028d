namespace Ztap.Anomaly.Features;

/// <summary>A source talking to a destination, whatever the port.</summary>
internal readonly record struct PairKey(HostKey Source, HostKey Destination);
