namespace Ztap.Core.Yaml;

/// <summary>A YAML mapping whose keys are plain strings; the reader has already refused duplicate and complex keys.</summary>
internal sealed class YamlMapping(int line, int column, YamlMappingEntry[] entries) : YamlNode(line, column)
{
    // A span, so the readers' loops over every mapping of a large inventory allocate no enumerator.
    public ReadOnlySpan<YamlMappingEntry> Entries => entries;

    public override string Description => "a mapping";

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent.</summary>
    public YamlNode? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }
}
