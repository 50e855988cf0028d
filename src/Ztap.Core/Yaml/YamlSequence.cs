namespace Ztap.Core.Yaml;

/// <summary>A YAML list (<c>- a</c> or <c>[a, b]</c>).</summary>
internal sealed class YamlSequence(int line, int column, YamlNode[] items) : YamlNode(line, column)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Description => "a list";
}
