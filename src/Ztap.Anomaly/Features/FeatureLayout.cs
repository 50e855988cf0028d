using System.Collections.Immutable;

namespace Ztap.Anomaly.Features;

/// <summary>
/// The features of each set in vector order, and their names in model files. The context set leaves out
/// the raw size, port, protocol and hour: they make a known host's routine (the nightly backup's
/// gigabytes, the weekly scanner's odd ports at 02:00) look as strange as an attack, whereas the same
/// facts measured against the source's own history (bytes above usual, service novelty, hours outside
/// usual) do not.
/// </summary>
internal static class FeatureLayout
{
    public const int FeatureCount = 13;

    public static ImmutableArray<FlowFeature> PerFlow { get; } =
        [FlowFeature.LogBytes, FlowFeature.Port, FlowFeature.Protocol, FlowFeature.Hour, FlowFeature.ExternalDestination];

    public static ImmutableArray<FlowFeature> Context { get; } =
    [
        FlowFeature.ExternalDestination, FlowFeature.PortsAboveUsual, FlowFeature.DestinationsAboveUsual,
        FlowFeature.DestinationNovelty, FlowFeature.ServiceNovelty, FlowFeature.BytesAboveUsual, FlowFeature.VolumeAboveUsual,
        FlowFeature.Regularity, FlowFeature.HoursOutsideUsual,
    ];

    public static ImmutableArray<FlowFeature> Of(FeatureSet set) => set == FeatureSet.PerFlow ? PerFlow : Context;

    /// <summary>The snake_case name a model file uses: <c>ports_above_usual</c>.</summary>
    public static string Name(FlowFeature feature) => feature switch
    {
        FlowFeature.LogBytes => "log_bytes",
        FlowFeature.Port => "port",
        FlowFeature.Protocol => "protocol",
        FlowFeature.Hour => "hour",
        FlowFeature.ExternalDestination => "external_destination",
        FlowFeature.PortsAboveUsual => "ports_above_usual",
        FlowFeature.DestinationsAboveUsual => "destinations_above_usual",
        FlowFeature.DestinationNovelty => "destination_novelty",
        FlowFeature.ServiceNovelty => "service_novelty",
        FlowFeature.BytesAboveUsual => "bytes_above_usual",
        FlowFeature.VolumeAboveUsual => "volume_above_usual",
        FlowFeature.Regularity => "regularity",
        _ => "hours_outside_usual",
    };
}
