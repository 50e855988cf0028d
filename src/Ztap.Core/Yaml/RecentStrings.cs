using System.Text;

namespace Ztap.Core.Yaml;

/// <summary>
/// One string for each short text seen lately, so that what a file repeats (keys, namespaces, label
/// values) is one object, not one per occurrence. A text's slot is picked by its hash and a
/// different text in it is overwritten: unlike a dictionary of every text, the table stays small
/// and does not keep unique texts (workload names, addresses) alive past their YAML tree, which
/// would make the collector copy each of them twice before it could be dropped. Texts are ASCII,
/// one byte a character, as <see cref="YamlSubsetReader"/> reads them.
/// </summary>
internal sealed class RecentStrings
{
    private const int MaxLength = 64;
    private const int Slots = 1024;

    private readonly string?[] _slots = new string?[Slots];

    public string Get(ReadOnlySpan<byte> text)
    {
        if (text.Length > MaxLength)
        {
            return Encoding.ASCII.GetString(text);
        }

        ref var slot = ref _slots[Hash(text) & (Slots - 1)];
        if (slot is null || !Ascii.Equals(text, slot))
        {
            slot = Encoding.ASCII.GetString(text);
        }

        return slot;
    }

    // FNV-1a over the characters: short texts, so cheaper than a randomized hash and good enough to spread them.
    private static int Hash(ReadOnlySpan<byte> text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash ^ (hash >> 16));
    }
}
