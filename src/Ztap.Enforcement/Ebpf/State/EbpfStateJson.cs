using System.Text.Json.Serialization;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>Source-generated JSON for the state files, so the state works in a NativeAOT build.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EbpfState))]
[JsonSerializable(typeof(EbpfStateHeader))]
[JsonSerializable(typeof(EbpfNames))]
internal sealed partial class EbpfStateJson : JsonSerializerContext;
