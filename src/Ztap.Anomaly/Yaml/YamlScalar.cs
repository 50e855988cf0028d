using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Yaml;

/// <summary>A scalar, as written; numbers and booleans are read by whoever expects them.</summary>
internal sealed record YamlScalar(SourceLocation Location, string Value) : YamlNode(Location)
{
    public override string Describe() => $"\"{Value}\"";
}
