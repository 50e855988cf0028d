namespace Ztap.Anomaly.Features;

/// <summary>A source talking to one service (destination, protocol and port): the unit a beacon repeats.</summary>
internal readonly record struct ServiceKey(PairKey Pair, int ProtocolAndPort);
