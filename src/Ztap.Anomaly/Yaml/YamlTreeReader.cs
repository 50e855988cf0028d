using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s with YamlDotNet's event parser (no reflection,
/// so NativeAOT is fine). Limits are explicit: nesting depth and node count are capped, aliases are
/// refused (they are how "billion laughs" documents blow up), keys must be scalars and appear once.
/// </summary>
internal sealed class YamlTreeReader(string fileName, DiagnosticBag diagnostics)
{
    public const int MaxDepth = 16;
    public const int MaxNodes = 10_000;

    private int _nodes;

    /// <summary>The document's root, or null when the text is empty or broken (the problems are in the bag).</summary>
    public YamlNode? Read(TextReader text)
    {
        try
        {
            var parser = new Parser(text);
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _) || !parser.TryConsume<DocumentStart>(out _) || parser.Accept<DocumentEnd>(out _))
            {
                return null;
            }

            var root = ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (parser.TryConsume<DocumentStart>(out var second))
            {
                Error(second.Start, "only one YAML document is allowed");
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            Error(e.Start, e.Message);
            return null;
        }
    }

    private YamlNode ReadNode(IParser parser, int depth)
    {
        var start = parser.Current!.Start;
        if (++_nodes > MaxNodes || depth > MaxDepth)
        {
            throw new YamlException(start, start, _nodes > MaxNodes ? $"more than {MaxNodes} nodes" : $"nested deeper than {MaxDepth} levels");
        }

        switch (parser.Current)
        {
            case Scalar:
                var scalar = parser.Consume<Scalar>();
                return new YamlScalar(Location(start), scalar.Value);
            case SequenceStart:
                parser.Consume<SequenceStart>();
                var items = ImmutableArray.CreateBuilder<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, depth + 1));
                }

                return new YamlSequence(Location(start), items.ToImmutable());
            case MappingStart:
                return ReadMapping(parser, depth);
            default:
                throw new YamlException(start, start, "aliases and anchors are not allowed");
        }
    }

    private YamlMapping ReadMapping(IParser parser, int depth)
    {
        var start = parser.Consume<MappingStart>().Start;
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<YamlScalar, YamlNode>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadNode(parser, depth + 1) is not YamlScalar key)
            {
                throw new YamlException(start, start, "mapping keys must be plain words");
            }

            var value = ReadNode(parser, depth + 1);
            if (!seen.Add(key.Value))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, key.Location, null, key.Value, $"\"{key.Value}\" appears twice"));
                continue;
            }

            entries.Add(new(key, value));
        }

        return new YamlMapping(Location(start), entries.ToImmutable());
    }

    private SourceLocation Location(Mark mark) => new(fileName, (int)mark.Line, (int)mark.Column);

    private void Error(Mark mark, string message) =>
        diagnostics.Add(new Diagnostic(Severity.Error, Location(mark), null, "", message));
}
