using System.Text.Json.Serialization;

namespace Ztap.Enforcement.Pf;

/// <summary>Source-generated JSON for the state file, so the state works in a NativeAOT build.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PfState))]
internal sealed partial class PfStateJson : JsonSerializerContext;
