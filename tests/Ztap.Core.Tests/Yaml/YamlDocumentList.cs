using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Yaml;

/// <summary>A file's documents collected whole, for tests that look at every tree at once.</summary>
internal sealed class YamlDocumentList : List<YamlNode>, IYamlDocumentSink
{
    public void Document(YamlNode root) => Add(root);

    public void Restart() => Clear();
}
