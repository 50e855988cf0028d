using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Yaml;

/// <summary>A list of nodes.</summary>
internal sealed record YamlSequence(SourceLocation Location, ImmutableArray<YamlNode> Items) : YamlNode(Location)
{
    public override string Describe() => "a list";
}
