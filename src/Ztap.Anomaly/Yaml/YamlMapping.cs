using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Yaml;

/// <summary>A mapping of scalar keys to nodes, in document order.</summary>
internal sealed record YamlMapping(SourceLocation Location, ImmutableArray<KeyValuePair<YamlScalar, YamlNode>> Entries)
    : YamlNode(Location)
{
    public override string Describe() => "a mapping";
}
