using System.Text.Json.Serialization;

namespace Ztap.Anomaly.Model;

/// <summary>
/// The model file as JSON sees it: a plain tree of records, so the source-generated serializer
/// (which NativeAOT needs) can read and write it. <see cref="ModelFile"/> maps it to and from the model.
/// </summary>
internal sealed record ModelDocument(
    string Format,
    int Version,
    string Features,
    ContextDocument Context,
    double Threshold,
    RangeDocument[] Ranges,
    ForestDocument Forest,
    ProfileDocument Profile);

internal sealed record ContextDocument(
    double PortWindowSeconds,
    double HostWindowSeconds,
    double VolumeWindowSeconds,
    int WindowCapacity,
    int ServiceCapacity,
    int MaxProfiledSources,
    int MaxProfiledPairs);

internal sealed record RangeDocument(string Feature, float Min, float Low, float Median, float High, float Max);

internal sealed record ForestDocument(int SubsampleSize, TreeDocument[] Trees);

/// <summary>One tree as parallel arrays, one entry per node; a leaf has feature -1.</summary>
internal sealed record TreeDocument(int[] Feature, float[] Threshold, int[] Left, int[] Size);

internal sealed record ProfileDocument(BytesDocument Overall, SourceDocument[] Sources, PairDocument[] Pairs, ServiceDocument[] Services);

internal sealed record SourceDocument(
    string Address, int[] Hours, int MaxPortsOnDestination, int MaxDestinations, long MaxPairVolume, BytesDocument Bytes);

internal sealed record PairDocument(string Source, string Destination, BytesDocument Bytes);

/// <summary>Training flows from a source to a protocol and port.</summary>
internal sealed record ServiceDocument(string Source, string Protocol, int Port, int Flows);

/// <summary>Count, sum and sum of squares of log(1 + bytes).</summary>
internal sealed record BytesDocument(int Count, double Sum, double SumOfSquares);

/// <summary>The source-generated serializer for model files: snake_case names, every field required.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
