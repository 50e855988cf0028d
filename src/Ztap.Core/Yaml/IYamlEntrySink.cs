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

    /// <summary>The item at <paramref name="index"/> of the block list under root key <paramref name="key"/>.</summary>
    void Item(string key, int index, YamlNode item);
}
