using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>Reads one file's documents into policies, each as soon as its tree is read, so the tree dies young.</summary>
internal sealed class PolicyFileReader : IYamlDocumentSink
{
    private const string InputKind = "policies";

    private readonly YamlReadContext _context;

    private PolicyFileReader(string file, List<Diagnostic> diagnostics)
    {
        _context = new YamlReadContext(file, diagnostics);
    }

    public List<PolicyDocument> Documents { get; } = [];

    /// <summary>The documents of a file's <paramref name="bytes"/>, in order, adding what is wrong with them to <paramref name="diagnostics"/>.</summary>
    public static List<PolicyDocument> Read(ReadOnlySpan<byte> bytes, string file, InputLimits limits, List<Diagnostic> diagnostics)
    {
        var reader = new PolicyFileReader(file, diagnostics);
        YamlStreamReader.Read(bytes, file, limits, InputKind, diagnostics, reader);
        return reader.Documents;
    }

    public void Document(YamlNode root) => Documents.Add(PolicyDocumentReader.Read(root, _context));

    public void Restart() => Documents.Clear();
}
