namespace Ztap.Core.Yaml;

/// <summary>
/// The keys of the mapping being built, whose entries are those of <paramref name="entries"/>
/// from <paramref name="first"/> on. Small mappings are searched in place; a large one gets a
/// dictionary, so that a hostile mapping with many keys still costs linear time.
/// </summary>
internal struct YamlKeyIndex(List<YamlMappingEntry> entries, int first)
{
    private const int LinearSearchLimit = 16;

    private Dictionary<string, int>? _lines;

    /// <summary>The line where <paramref name="key"/> occurs in this mapping, or 0 when it does not.</summary>
    public readonly int FirstLine(string key)
    {
        if (_lines is not null)
        {
            return _lines.GetValueOrDefault(key);
        }

        for (var i = first; i < entries.Count; i++)
        {
            if (entries[i].Key == key)
            {
                return entries[i].KeyLine;
            }
        }

        return 0;
    }

    public void Add(YamlMappingEntry entry)
    {
        entries.Add(entry);
        if (_lines is not null)
        {
            _lines.Add(entry.Key, entry.KeyLine);
        }
        else if (entries.Count - first > LinearSearchLimit)
        {
            _lines = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = first; i < entries.Count; i++)
            {
                _lines.Add(entries[i].Key, entries[i].KeyLine);
            }
        }
    }
}
