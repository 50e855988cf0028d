namespace Ztap.Core.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping; the key node is kept so a bad key can be pointed at.</summary>
internal readonly record struct YamlMappingEntry(YamlScalar KeyNode, YamlNode Value)
{
    public string Key => KeyNode.Value;
}
