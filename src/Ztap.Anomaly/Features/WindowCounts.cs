namespace Ztap.Anomaly.Features;

/// <summary>What the windows say about a source right after one of its flows.</summary>
/// <param name="PortsOnDestination">Distinct services the source used on this destination in the port window.</param>
/// <param name="Destinations">Distinct destinations the source reached in the host window.</param>
/// <param name="PairVolume">Bytes the source sent to this destination in the volume window.</param>
/// <param name="Arrivals">The recent arrival times of this service from this source.</param>
internal readonly record struct WindowCounts(int PortsOnDestination, int Destinations, long PairVolume, ArrivalRing Arrivals);
