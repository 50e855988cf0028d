namespace Ztap.Core.Yaml;

/// <summary>
/// One <c>key: value</c> pair of a mapping. The key is kept as its text and position rather than
/// as a node: a file has as many keys as values, and only a diagnostic about a key needs its node.
/// </summary>
internal readonly record struct YamlMappingEntry(string Key, int KeyLine, int KeyColumn, bool KeyIsPlain, YamlNode Value)
{
    /// <summary>The key as a node, to point a diagnostic at; made anew on each use.</summary>
    public YamlScalar KeyNode => new(KeyLine, KeyColumn, Key, KeyIsPlain);
}
