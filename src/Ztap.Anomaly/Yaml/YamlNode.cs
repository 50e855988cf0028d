using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Yaml;

/// <summary>A node of a small YAML document, with where it starts so problems can point at it.</summary>
internal abstract record YamlNode(SourceLocation Location)
{
    /// <summary>What the node is, as an error message says it ("a list", "a mapping", "\"abc\"").</summary>
    public abstract string Describe();
}
