namespace Ztap.Core.Yaml;

/// <summary>A file's documents collected whole, for callers that want every tree at once.</summary>
internal sealed class YamlDocumentList : List<YamlNode>, IYamlDocumentSink
{
    public void Document(YamlNode root) => Add(root);

    public void Restart() => Clear();
}
