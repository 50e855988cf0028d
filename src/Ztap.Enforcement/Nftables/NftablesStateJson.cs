using System.Text.Json.Serialization;

namespace Ztap.Enforcement.Nftables;

/// <summary>Source-generated JSON for the state file, so the state works in a NativeAOT build.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NftablesState))]
internal sealed partial class NftablesStateJson : JsonSerializerContext;
