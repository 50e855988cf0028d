using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Yaml;

/// <summary>
/// Builds the tree of one document from parser events, refusing what ztap never needs and
/// could be abused: aliases, unknown tags, complex and duplicate keys, and nesting beyond
/// <see cref="InputLimits.MaxDepth"/>.
/// </summary>
internal sealed class YamlTreeBuilder(IParser parser, string file, InputLimits limits, string inputKind, List<Diagnostic> diagnostics)
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private const string MappingTag = "tag:yaml.org,2002:map";
    private const string SequenceTag = "tag:yaml.org,2002:seq";

    // Children of every open collection, innermost last: one buffer for the file instead of a list per collection.
    private readonly List<YamlNode> _items = [];
    private readonly List<YamlMappingEntry> _entries = [];
    private bool _documentFailed;
    private Mark _lastMark = Mark.Empty;

    /// <summary>Reads the document's root node; <paramref name="failed"/> tells whether it broke a rule.</summary>
    public YamlNode ReadDocumentContent(out bool failed)
    {
        _documentFailed = false;
        var root = ReadNode(depth: 0);
        failed = _documentFailed;
        return root;
    }

    public void Expect<T>()
        where T : ParsingEvent
    {
        if (parser.Current is not T)
        {
            throw Malformed(parser.Current);
        }

        Advance();
    }

    public void Advance()
    {
        if (parser.Current is { } current)
        {
            _lastMark = current.Start;
        }

        try
        {
            parser.MoveNext();
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on a few malformed
            // inputs (an unclosed flow list, for one); the last event read is the best position.
            throw new YamlException(
                _lastMark, _lastMark, "the text after this point could not be parsed (an unclosed '[' or '{'?)", exception);
        }
    }

    public void Error(Mark mark, string message) =>
        diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(file, Line(mark), Column(mark)), null, "", message));

    private YamlNode ReadNode(int depth)
    {
        var current = parser.Current;
        switch (current)
        {
            case Scalar scalar:
                Advance();
                return new YamlScalar(Line(scalar.Start), Column(scalar.Start), scalar.Value, IsPlain(scalar));
            case SequenceStart start:
                Open(start, depth, SequenceTag);
                return ReadSequence(start, depth);
            case MappingStart start:
                Open(start, depth, MappingTag);
                return ReadMapping(start, depth);
            case AnchorAlias alias:
                Advance();
                Fail(alias.Start, $"YAML aliases are not allowed in {inputKind}");
                return new YamlScalar(Line(alias.Start), Column(alias.Start), "", isPlain: true);
            default:
                throw Malformed(current);
        }
    }

    private YamlSequence ReadSequence(SequenceStart start, int depth)
    {
        var first = _items.Count;
        while (parser.Current is not SequenceEnd)
        {
            _items.Add(ReadNode(depth + 1));
        }

        Advance();
        var items = new YamlNode[_items.Count - first];
        _items.CopyTo(first, items, 0, items.Length);
        _items.RemoveRange(first, items.Length);
        return new YamlSequence(Line(start.Start), Column(start.Start), items);
    }

    private YamlMapping ReadMapping(MappingStart start, int depth)
    {
        var first = _entries.Count;
        var keys = new YamlKeyIndex(_entries, first);
        while (parser.Current is not MappingEnd)
        {
            var keyNode = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (keyNode is not YamlScalar key)
            {
                Fail(keyNode, "mapping keys must be strings, not lists or mappings");
            }
            else if (keys.FirstLine(key.Value) is var firstLine and > 0)
            {
                Fail(key, $"duplicate key {key.Quoted} (first at line {firstLine})");
            }
            else
            {
                keys.Add(new YamlMappingEntry(key.Value, key.Line, key.Column, key.IsPlain, value));
            }
        }

        Advance();
        var entries = new YamlMappingEntry[_entries.Count - first];
        _entries.CopyTo(first, entries, 0, entries.Length);
        _entries.RemoveRange(first, entries.Length);
        return new YamlMapping(Line(start.Start), Column(start.Start), entries);
    }

    private void Open(NodeEvent start, int depth, string allowedTag)
    {
        if (depth >= limits.MaxDepth)
        {
            throw new YamlLimitExceededException(
                start.Start, $"the document nests deeper than {limits.MaxDepth} levels (InputLimits.MaxDepth)");
        }

        CheckTag(start, allowedTag);
        Advance();
    }

    private bool IsPlain(Scalar scalar)
    {
        if (scalar.Tag.IsEmpty)
        {
            return scalar.Style == ScalarStyle.Plain;
        }

        // "!" and "!!str" both make a string; any other tag would give the text a meaning ztap does not know.
        CheckTag(scalar, StringTag);
        return false;
    }

    private void CheckTag(NodeEvent node, string allowedTag)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value != allowedTag)
        {
            Fail(node.Start, $"the YAML tag '{node.Tag.Value}' is not supported");
        }
    }

    /// <summary>
    /// YamlDotNet accepts some broken input (<c>a:</c> then <c>" : b"</c>) and emits events out of
    /// order instead of failing; out-of-order events are therefore a syntax error, not a bug.
    /// </summary>
    private YamlException Malformed(ParsingEvent? current)
    {
        var mark = current?.Start ?? _lastMark;
        return new YamlException(mark, mark, "the structure of the document is broken here");
    }

    private void Fail(YamlNode node, string message)
    {
        _documentFailed = true;
        diagnostics.Add(new Diagnostic(Severity.Error, node.Location(file), null, "", message));
    }

    private void Fail(Mark mark, string message)
    {
        _documentFailed = true;
        Error(mark, message);
    }

    private static int Line(Mark mark) => (int)Math.Max(mark.Line, 1);

    private static int Column(Mark mark) => (int)Math.Max(mark.Column, 1);
}
