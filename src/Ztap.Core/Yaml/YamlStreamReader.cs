using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Yaml;

/// <summary>
/// Turns YAML text into one tree per document, enforcing <see cref="InputLimits"/>, refusing
/// aliases, unknown tags, complex and duplicate keys, and reporting syntax errors as diagnostics.
/// Built on YamlDotNet's event parser, never its reflection-based deserializer, so it works
/// under NativeAOT.
/// </summary>
internal sealed class YamlStreamReader
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private const string MappingTag = "tag:yaml.org,2002:map";
    private const string SequenceTag = "tag:yaml.org,2002:seq";
    private const int LinearKeySearchLimit = 16;

    private readonly IParser _parser;
    private readonly string _file;
    private readonly InputLimits _limits;
    private readonly string _inputKind;
    private readonly List<Diagnostic> _diagnostics;
    private bool _documentFailed;
    private Mark _lastMark = Mark.Empty;

    private YamlStreamReader(string text, string file, InputLimits limits, string inputKind, List<Diagnostic> diagnostics)
    {
        _parser = new Parser(new StringReader(text));
        _file = file;
        _limits = limits;
        _inputKind = inputKind;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Reads every document of <paramref name="text"/> and hands each to <paramref name="onDocument"/>
    /// as soon as it is complete, so one document's tree can be dropped before the next is built.
    /// Documents with YAML-level errors and empty documents are left out; a syntax error or an
    /// exceeded limit ends the file.
    /// </summary>
    /// <param name="inputKind">What the file holds, for messages: "policies", "an inventory".</param>
    public static void Read(
        string text, string file, InputLimits limits, string inputKind, List<Diagnostic> diagnostics, Action<YamlNode> onDocument)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxFileBytes)
        {
            diagnostics.Add(FileTooLarge(file, bytes, limits));
            return;
        }

        new YamlStreamReader(text, file, limits, inputKind, diagnostics).ReadDocuments(onDocument);
    }

    /// <summary>The diagnostic for a file over <see cref="InputLimits.MaxFileBytes"/>.</summary>
    public static Diagnostic FileTooLarge(string file, long bytes, InputLimits limits) => YamlFile.Problem(
        file, $"the file is {bytes:N0} bytes, more than the limit of {limits.MaxFileBytes:N0} (InputLimits.MaxFileBytes)");

    private void ReadDocuments(Action<YamlNode> onDocument)
    {
        try
        {
            Advance();
            Expect<StreamStart>();
            var count = 0;
            while (_parser.Current is DocumentStart start)
            {
                if (++count > _limits.MaxDocuments)
                {
                    Error(start.Start,
                        $"the file has more than {_limits.MaxDocuments:N0} YAML documents (InputLimits.MaxDocuments)");
                    return;
                }

                Advance();
                _documentFailed = false;
                var root = ReadNode(depth: 0);
                Expect<DocumentEnd>();
                if (!_documentFailed && !(root is YamlScalar { IsNull: true }))
                {
                    onDocument(root);
                }
            }
        }
        catch (YamlException exception)
        {
            Error(exception.Start, $"YAML syntax error: {Sentence(exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on a few malformed
            // inputs (an unclosed flow list, for one); the last event read is the best position.
            Error(_lastMark, "YAML syntax error: the text after this point could not be parsed (an unclosed '[' or '{'?)");
        }
        catch (LimitExceededException exception)
        {
            Error(exception.Mark, exception.Message);
        }
    }

    private YamlNode ReadNode(int depth)
    {
        var current = _parser.Current;
        switch (current)
        {
            case Scalar scalar:
                Advance();
                return new YamlScalar(Line(scalar.Start), Column(scalar.Start), scalar.Value, IsPlain(scalar));
            case SequenceStart start:
                CheckDepth(start, depth);
                CheckTag(start, SequenceTag);
                return ReadSequence(start, depth);
            case MappingStart start:
                CheckDepth(start, depth);
                CheckTag(start, MappingTag);
                return ReadMapping(start, depth);
            case AnchorAlias alias:
                Advance();
                Fail(alias.Start, $"YAML aliases are not allowed in {_inputKind}");
                return new YamlScalar(Line(alias.Start), Column(alias.Start), "", isPlain: true);
            default:
                throw new InvalidOperationException($"unexpected YAML event {current}");
        }
    }

    private YamlSequence ReadSequence(SequenceStart start, int depth)
    {
        Advance();
        var items = new List<YamlNode>();
        while (_parser.Current is not SequenceEnd)
        {
            items.Add(ReadNode(depth + 1));
        }

        Advance();
        return new YamlSequence(Line(start.Start), Column(start.Start), [.. items]);
    }

    private YamlMapping ReadMapping(MappingStart start, int depth)
    {
        Advance();
        var entries = new List<YamlMappingEntry>();
        Dictionary<string, int>? keyLines = null;
        while (_parser.Current is not MappingEnd)
        {
            var keyNode = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (keyNode is not YamlScalar key)
            {
                Fail(keyNode, "mapping keys must be strings, not lists or mappings");
                continue;
            }

            var firstLine = FindKey(entries, ref keyLines, key.Value);
            if (firstLine != 0)
            {
                Fail(key, $"duplicate key {key.Quoted} (first at line {firstLine})");
                continue;
            }

            entries.Add(new YamlMappingEntry(key, value));
            keyLines?.Add(key.Value, key.Line);
        }

        Advance();
        return new YamlMapping(Line(start.Start), Column(start.Start), [.. entries]);
    }

    /// <summary>The line where <paramref name="key"/> already occurs, or 0; switches to a dictionary for big mappings.</summary>
    private static int FindKey(List<YamlMappingEntry> entries, ref Dictionary<string, int>? keyLines, string key)
    {
        if (keyLines is null && entries.Count >= LinearKeySearchLimit)
        {
            keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                keyLines.Add(entry.Key, entry.KeyNode.Line);
            }
        }

        if (keyLines is not null)
        {
            return keyLines.GetValueOrDefault(key);
        }

        foreach (var entry in entries)
        {
            if (entry.Key == key)
            {
                return entry.KeyNode.Line;
            }
        }

        return 0;
    }

    private bool IsPlain(Scalar scalar)
    {
        if (scalar.Tag.IsEmpty)
        {
            return scalar.Style == ScalarStyle.Plain;
        }

        // "!" and "!!str" both force a string; any other tag would give the text a meaning ztap does not know.
        if (!scalar.Tag.IsNonSpecific && scalar.Tag.Value != StringTag)
        {
            Fail(scalar.Start, $"the YAML tag '{scalar.Tag.Value}' is not supported");
        }

        return false;
    }

    private void CheckTag(NodeEvent node, string allowedTag)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value != allowedTag)
        {
            Fail(node.Start, $"the YAML tag '{node.Tag.Value}' is not supported");
        }
    }

    private void CheckDepth(NodeEvent node, int depth)
    {
        if (depth >= _limits.MaxDepth)
        {
            throw new LimitExceededException(
                node.Start, $"the document nests deeper than {_limits.MaxDepth} levels (InputLimits.MaxDepth)");
        }
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is not T)
        {
            throw new InvalidOperationException($"expected a YAML {typeof(T).Name} event, got {_parser.Current}");
        }

        Advance();
    }

    private void Advance()
    {
        if (_parser.Current is { } current)
        {
            _lastMark = current.Start;
        }

        _parser.MoveNext();
    }

    private void Fail(YamlNode node, string message)
    {
        _documentFailed = true;
        _diagnostics.Add(new Diagnostic(Severity.Error, node.Location(_file), null, "", message));
    }

    private void Fail(Mark mark, string message)
    {
        _documentFailed = true;
        Error(mark, message);
    }

    private void Error(Mark mark, string message) =>
        _diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(_file, Line(mark), Column(mark)), null, "", message));

    private static int Line(Mark mark) => (int)Math.Max(mark.Line, 1);

    private static int Column(Mark mark) => (int)Math.Max(mark.Column, 1);

    /// <summary>YamlDotNet's "While parsing X, did not find Y." as "while parsing X, did not find Y".</summary>
    private static string Sentence(string message)
    {
        var trimmed = message.TrimEnd('.', ' ');
        return trimmed.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
    }

    private sealed class LimitExceededException(Mark mark, string message) : Exception(message)
    {
        public Mark Mark { get; } = mark;
    }
}
