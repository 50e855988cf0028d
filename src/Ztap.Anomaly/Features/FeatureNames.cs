using System.Collections.Immutable;

namespace Ztap.Anomaly.Features;

/// <summary>The features of each set in vector order, as the model file names them.</summary>
internal static class FeatureNames
{
    public const int LogBytes = 0;
    public const int Port = 1;
    public const int Protocol = 2;
    public const int Hour = 3;
    public const int External = 4;
    public const int PortsOnDestination = 5;
    public const int Destinations = 6;
    public const int PortsAboveUsual = 7;
    public const int DestinationsAboveUsual = 8;
    public const int Novelty = 9;
    public const int BytesAboveUsual = 10;
    public const int Regularity = 11;
    public const int HourRarity = 12;

    public static ImmutableArray<string> PerFlow { get; } =
        ["log_bytes", "port", "protocol", "hour", "external_destination"];

    public static ImmutableArray<string> Context { get; } =
    [
        .. PerFlow,
        "ports_on_destination", "destinations", "ports_above_usual", "destinations_above_usual",
        "destination_novelty", "bytes_above_usual", "regularity", "hour_rarity",
    ];

    public static ImmutableArray<string> Of(FeatureSet set) => set == FeatureSet.PerFlow ? PerFlow : Context;
}
