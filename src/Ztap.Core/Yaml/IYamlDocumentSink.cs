namespace Ztap.Core.Yaml;

/// <summary>
/// Takes the documents of a file from <see cref="YamlStreamReader"/> as each is read, so that one
/// document's tree can die before the next is built.
/// </summary>
internal interface IYamlDocumentSink
{
    /// <summary>A complete, non-empty document.</summary>
    void Document(YamlNode root);

    /// <summary>
    /// Forget everything handed over so far: the fast reader met text outside its subset halfway
    /// through the file, and the whole file is read again by the slower reader that knows all of YAML.
    /// </summary>
    void Restart();
}
