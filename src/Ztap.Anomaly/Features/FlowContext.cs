namespace Ztap.Anomaly.Features;

/// <summary>The raw numbers behind a flow's context features, kept so a reason can quote them.</summary>
/// <param name="PortsOnDestination">Distinct services the source used on this destination within the port window.</param>
/// <param name="UsualPortsOnDestination">The most it ever used in training.</param>
/// <param name="Destinations">Distinct destinations the source reached within the host window.</param>
/// <param name="UsualDestinations">The most it ever reached in training.</param>
/// <param name="PairFlows">How many training flows went from this source to this destination.</param>
/// <param name="ServiceFlows">How many training flows went from this source to this protocol and port, on any destination.</param>
/// <param name="UsualBytes">The typical size of the source's flows to this destination (or of all its flows, if it never went there).</param>
/// <param name="BytesScore">How many deviations above that typical size, in log scale, this flow is.</param>
/// <param name="PairVolume">Bytes the source sent to this destination within the volume window.</param>
/// <param name="UsualPairVolume">The most it sent to one destination within the window in training.</param>
/// <param name="Regularity">How regular the gaps between this service's recent arrivals are, 0 to 1.</param>
/// <param name="MeanGapSeconds">The mean of those gaps.</param>
/// <param name="HoursOutsideUsual">How many hours the flow lies outside the source's usual hours.</param>
internal readonly record struct FlowContext(
    int PortsOnDestination,
    int UsualPortsOnDestination,
    int Destinations,
    int UsualDestinations,
    int PairFlows,
    int ServiceFlows,
    double UsualBytes,
    double BytesScore,
    long PairVolume,
    long UsualPairVolume,
    double Regularity,
    double MeanGapSeconds,
    int HoursOutsideUsual);
