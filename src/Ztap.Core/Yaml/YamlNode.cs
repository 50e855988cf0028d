using Ztap.Core.Diagnostics;

namespace Ztap.Core.Yaml;

/// <summary>A node of a parsed YAML document, remembering where it starts so diagnostics can point at it.</summary>
internal abstract class YamlNode(int line, int column)
{
    /// <summary>The line the node starts on, 1-based.</summary>
    public int Line { get; } = line;

    /// <summary>The column the node starts at, 1-based.</summary>
    public int Column { get; } = column;

    /// <summary>What the node is, as a message names it: "a mapping", "a list", "the number 80".</summary>
    public abstract string Description { get; }

    public SourceLocation Location(string file) => new(file, Line, Column);
}
