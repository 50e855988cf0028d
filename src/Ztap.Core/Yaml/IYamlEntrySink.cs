namespace Ztap.Core.Yaml;

/// <summary>
/// A document sink that can also take a root mapping one entry at a time, and the block lists under
/// the keys it names one item at a time, in document order. An inventory is one document whose
/// <c>workloads</c> list holds tens of thousands of items; taken whole, all their trees stay alive
/// until the document ends and every collection copies them, while taken item by item each tree
/// dies young. A document whose root is not a block mapping still comes whole, through
/// <see cref="IYamlDocumentSink.Document"/>, as does every document the slower reader reads.
/// </summary>
internal interface IYamlEntrySink : IYamlDocumentSink
{
    /// <summary>Whether the items of a block list under this root key are to come one at a time.</summary>
    bool TakesItemsOf(string key);

    /// <summary>A document whose root is a block mapping begins; its entries follow.</summary>
    void StartMapping();

    /// <summary>A complete entry of the root mapping, other than a list whose items come one at a time.</summary>
    void Entry(YamlMappingEntry entry);

    /// <summary>
    /// The item at <paramref name="index"/> of the block list under root key <paramref name="key"/>,
    /// with its <paramref name="text"/>, which starts on <paramref name="line"/>: its lines as
    /// written, from the start of the first to the start of the next line with content. Equal text
    /// followed by a line no deeper than the list's entries reads as an equal item, but for its position.
    /// </summary>
    void Item(string key, int index, YamlNode item, ReadOnlySpan<byte> text, int line);

    /// <summary>
    /// The length of an item's text, handed to this sink by an earlier read, that <paramref name="rest"/>
    /// (the text from the start of an item's first line on) starts with; 0 when none.
    /// </summary>
    int KnownItemLength(string key, ReadOnlySpan<byte> rest);

    /// <summary>
    /// The item at <paramref name="index"/>, starting on <paramref name="line"/>, is the one the last
    /// <see cref="KnownItemLength"/> found, and is not parsed; false when the sink wants it parsed
    /// after all, such as to report it clashing with another.
    /// </summary>
    bool ItemAgain(string key, int index, int line);
}
