using System.Buffers;
using System.Text;

namespace Ztap.Core.Yaml;

/// <summary>
/// Reads the plain subset of YAML that policies and inventories are written in (block mappings and
/// lists by indentation, one-line scalars and flow collections, comments) straight into trees, several
/// times faster than YamlDotNet's event parser. It declines anything else, and anything YamlDotNet
/// would report: tabs, non-ASCII text, anchors, tags, block and multi-line scalars, escapes, empty
/// values, duplicate keys, nesting at the depth limit. A declined file is read by
/// <see cref="YamlStreamReader"/>'s YamlDotNet path, so what the subset accepts gives the same trees,
/// and everything else the same trees and diagnostics, as that path alone. Each document goes to the
/// sink as soon as it is read, and a root mapping entry by entry when the sink takes entries
/// (<see cref="IYamlEntrySink"/>), so a decline can come after the sink was handed some of the file.
/// It reads a file's bytes as they came from the disk: text in the subset is ASCII, so each byte is
/// a character at the same position, and a file is never decoded into a string twice its size (for
/// a 13 MB inventory that took a quarter of the read, mostly in page faults for the new memory).
/// </summary>
internal ref struct YamlSubsetReader
{
    private const int EndOfDocument = -1;
    private const int MaxKeyLength = 1000;

    // Printable ASCII and line feeds; any other character (a tab, a carriage return, a byte order mark) declines.
    private static readonly SearchValues<byte> Printable = SearchValues.Create(
        "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    // Characters that give a scalar's first character a meaning of its own.
    private static readonly SearchValues<byte> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`"u8);
    private static readonly SearchValues<byte> FlowPlainEnds = SearchValues.Create("\n,[]{}:#"u8);

    private readonly ReadOnlySpan<byte> _text;
    private readonly InputLimits _limits;
    private readonly IYamlDocumentSink _sink;
    private readonly IYamlEntrySink? _entrySink;
    private readonly List<YamlNode> _items = [];
    private readonly List<YamlMappingEntry> _entries = [];
    private readonly RecentStrings _strings = new();

    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _nextIndent;

    // Whether the document being read went to the sink entry by entry rather than whole.
    private bool _rootStreamed;

    private YamlSubsetReader(ReadOnlySpan<byte> text, InputLimits limits, IYamlDocumentSink sink)
    {
        _text = text;
        _limits = limits;
        _sink = sink;
        _entrySink = sink as IYamlEntrySink;
    }

    /// <summary>
    /// Hands the non-empty documents of the UTF-8 <paramref name="text"/> to <paramref name="sink"/>;
    /// false when the text is outside the subset, after which the sink must forget what it was handed.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> text, InputLimits limits, IYamlDocumentSink sink)
    {
        if (text.IndexOfAnyExcept(Printable) >= 0 || HasDocumentEnd(text))
        {
            return false;
        }

        var reader = new YamlSubsetReader(text, limits, sink);
        return reader.ReadDocuments();
    }

    // "..." at the start of a line ends a document; the subset leaves that to YamlDotNet.
    private static bool HasDocumentEnd(ReadOnlySpan<byte> text) =>
        text.StartsWith("..."u8) || text.IndexOf("\n..."u8) >= 0;

    private bool ReadDocuments()
    {
        var markers = 0;
        Next();
        while (true)
        {
            if (_nextIndent == 0)
            {
                _rootStreamed = false;
                if (Document() is not { } root)
                {
                    return false;
                }

                if (!_rootStreamed)
                {
                    _sink.Document(root);
                }
            }
            else if (_nextIndent != EndOfDocument)
            {
                return false;
            }

            if (_pos >= _text.Length)
            {
                return true;
            }

            // At a "---" line; anything after the marker would start the document on it.
            _pos += 3;
            if (!EndLine() || ++markers >= _limits.MaxDocuments - 1)
            {
                return false;
            }

            Next();
        }
    }

    private YamlNode? Document()
    {
        var root = Block(EndOfDocument, 0);
        return root is null || _nextIndent != EndOfDocument ? null : root;
    }

    /// <summary>A node that starts a line, more indented than its parent; returns at the next content line.</summary>
    private YamlNode? Block(int parentIndent, int depth)
    {
        var indent = _pos - _lineStart;
        if (IsListEntry())
        {
            return Sequence(indent, depth);
        }

        if (Current is '[' or '{')
        {
            return Flow(depth) is { } flow && EndLine() && Next() ? flow : null;
        }

        if (Scalar(out var isKey) is not { } scalar)
        {
            return null;
        }

        if (isKey)
        {
            return Mapping(scalar, depth);
        }

        // A scalar alone on its line must be followed by a line indented no deeper than its parent.
        return EndLine() && Next() && _nextIndent <= parentIndent ? scalar.ToNode() : null;
    }

    /// <summary>
    /// A block list whose entries ("- ") start at <paramref name="indent"/>. Under a root key that
    /// the sink takes items of (<paramref name="streamedKey"/>), each item goes to the sink instead,
    /// and the list returned is empty.
    /// </summary>
    private YamlSequence? Sequence(int indent, int depth, string? streamedKey = null)
    {
        if (depth >= _limits.MaxDepth)
        {
            return null;
        }

        var line = _line;
        var column = _pos - _lineStart + 1;
        var first = _items.Count;
        var index = 0;
        do
        {
            var itemStart = _lineStart;
            var itemLine = _line;
            if (streamedKey is not null && SkipKnownItem(streamedKey, indent, index))
            {
                index++;
                continue;
            }

            _pos++;
            SkipSpaces();
            YamlNode? item;
            if (AtLineEnd())
            {
                item = EndLine() && Next() && _nextIndent > indent ? Block(indent, depth + 1) : null;
            }
            else if (IsListEntry())
            {
                item = null;
            }
            else
            {
                item = Inline(depth + 1, allowKey: true);
            }

            if (item is null)
            {
                return null;
            }

            if (streamedKey is null)
            {
                _items.Add(item);
            }
            else
            {
                // Next() left the position at the next content line, or at the end of the text.
                var itemEnd = _pos >= _text.Length ? _text.Length : _lineStart;
                _entrySink!.Item(streamedKey, index++, item, _text[itemStart..itemEnd], itemLine);
            }
        }
        while (_nextIndent == indent && IsListEntry());

        if (_nextIndent > indent)
        {
            return null;
        }

        var items = new YamlNode[_items.Count - first];
        _items.CopyTo(first, items, 0, items.Length);
        _items.RemoveRange(first, items.Length);
        return new YamlSequence(line, column, items);
    }

    /// <summary>
    /// Moves past a streamed list item that the sink read before, without parsing it: its known text
    /// ends at a line start (or the end of the text) and the next line with content is no deeper than
    /// the list's entries, so parsing would end the item where the earlier read did, with the same tree.
    /// </summary>
    private bool SkipKnownItem(string key, int indent, int index)
    {
        var start = _lineStart;
        var length = _entrySink!.KnownItemLength(key, _text[start..]);
        var end = start + length;
        if (length == 0 || (end < _text.Length && _text[end - 1] != '\n'))
        {
            return false;
        }

        var (pos, line, nextIndent) = (_pos, _line, _nextIndent);
        _line += _text[start..end].Count((byte)'\n');
        _pos = _lineStart = end;
        if (Next() && _nextIndent <= indent && _entrySink.ItemAgain(key, index, line))
        {
            return true;
        }

        (_pos, _line, _lineStart, _nextIndent) = (pos, line, start, nextIndent);
        return false;
    }

    /// <summary>A block mapping whose first key has been read; its keys start at that key's column.</summary>
    private YamlMapping? Mapping(ScalarText firstKey, int depth)
    {
        if (depth >= _limits.MaxDepth)
        {
            return null;
        }

        // A document's root mapping goes entry by entry to a sink that takes entries.
        var streaming = depth == 0 ? _entrySink : null;
        if (streaming is not null)
        {
            _rootStreamed = true;
            streaming.StartMapping();
        }

        var indent = firstKey.Column - 1;
        var first = _entries.Count;
        var keys = new YamlKeyIndex(_entries, first);
        var key = firstKey;
        while (true)
        {
            if (key.Value.Length > MaxKeyLength || keys.FirstLine(key.Value) > 0)
            {
                return null;
            }

            _pos++;
            SkipSpaces();
            YamlNode? value;
            var streamed = false;
            if (AtLineEnd())
            {
                if (!EndLine() || !Next())
                {
                    return null;
                }

                streamed = streaming is not null && _nextIndent >= indent && IsListEntry() && streaming.TakesItemsOf(key.Value);
                value = streamed ? Sequence(_nextIndent, depth + 1, key.Value)
                    : _nextIndent > indent ? Block(indent, depth + 1)
                    : _nextIndent == indent && IsListEntry() ? Sequence(indent, depth + 1)
                    : null;
            }
            else
            {
                value = Inline(depth + 1, allowKey: false);
            }

            if (value is null)
            {
                return null;
            }

            var entry = new YamlMappingEntry(key.Value, key.Line, key.Column, key.IsPlain, value);
            keys.Add(entry);
            if (streaming is not null && !streamed)
            {
                streaming.Entry(entry);
            }

            if (_nextIndent != indent || IsListEntry())
            {
                break;
            }

            if (Scalar(out var isKey) is not { } next || !isKey)
            {
                return null;
            }

            key = next;
        }

        if (_nextIndent > indent)
        {
            return null;
        }

        var entries = new YamlMappingEntry[_entries.Count - first];
        _entries.CopyTo(first, entries, 0, entries.Length);
        _entries.RemoveRange(first, entries.Length);
        return new YamlMapping(firstKey.Line, firstKey.Column, entries);
    }

    /// <summary>
    /// A node after "key: " or "- " on the same line: a scalar or flow collection ending the line, or,
    /// in a list entry, the first key of a mapping.
    /// </summary>
    private YamlNode? Inline(int depth, bool allowKey)
    {
        if (Current is '[' or '{')
        {
            return Flow(depth) is { } flow && EndLine() && Next() ? flow : null;
        }

        if (Scalar(out var isKey) is not { } scalar)
        {
            return null;
        }

        if (isKey)
        {
            return allowKey ? Mapping(scalar, depth) : null;
        }

        return EndLine() && Next() ? scalar.ToNode() : null;
    }

    /// <summary>A one-line scalar in block context; <paramref name="isKey"/> tells whether ": " follows it.</summary>
    private ScalarText? Scalar(out bool isKey)
    {
        isKey = false;
        var line = _line;
        var column = _pos - _lineStart + 1;
        ScalarText? scalar;
        if (Current is '\'' or '"')
        {
            scalar = Quoted();
        }
        else
        {
            var start = _pos;
            if (Indicators.Contains((byte)Current))
            {
                return null;
            }

            while (_pos < _text.Length)
            {
                var c = (char)_text[_pos];
                if (c == '\n' || (c == ':' && IsBlankAt(_pos + 1)) || (c == '#' && _text[_pos - 1] == ' '))
                {
                    break;
                }

                if (c is '[' or ']' or '{' or '}')
                {
                    return null;
                }

                _pos++;
            }

            scalar = new ScalarText(line, column, _strings.Get(_text[start.._pos].TrimEnd((byte)' ')), IsPlain: true);
        }

        if (scalar is null)
        {
            return null;
        }

        isKey = Current == ':' && IsBlankAt(_pos + 1);
        return scalar;
    }

    /// <summary>A one-line single- or double-quoted scalar without escapes other than a doubled single quote.</summary>
    private ScalarText? Quoted()
    {
        var line = _line;
        var column = _pos - _lineStart + 1;
        var quote = (char)_text[_pos++];
        var start = _pos;
        var doubled = false;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n' || (quote == '"' && _text[_pos] == '\\'))
            {
                return null;
            }

            if (_text[_pos] == quote)
            {
                if (quote == '\'' && _pos + 1 < _text.Length && _text[_pos + 1] == '\'')
                {
                    doubled = true;
                    _pos += 2;
                    continue;
                }

                break;
            }

            _pos++;
        }

        var raw = _text[start.._pos];
        _pos++;
        var value = doubled ? Encoding.ASCII.GetString(raw).Replace("''", "'", StringComparison.Ordinal) : _strings.Get(raw);
        return new ScalarText(line, column, value, IsPlain: false);
    }

    /// <summary>A flow list or mapping that opens and closes on this line.</summary>
    private YamlNode? Flow(int depth)
    {
        if (depth >= _limits.MaxDepth)
        {
            return null;
        }

        var line = _line;
        var column = _pos - _lineStart + 1;
        var isList = _text[_pos++] == '[';
        var close = isList ? ']' : '}';
        SkipSpaces();
        if (Current == close)
        {
            _pos++;
            return isList ? new YamlSequence(line, column, []) : new YamlMapping(line, column, []);
        }

        var firstItem = _items.Count;
        var firstEntry = _entries.Count;
        var keys = new YamlKeyIndex(_entries, firstEntry);
        while (true)
        {
            if (isList)
            {
                if (FlowNode(depth + 1) is not { } item)
                {
                    return null;
                }

                _items.Add(item);
            }
            else
            {
                if (Current is '[' or '{' || FlowScalar() is not { } key
                    || Current != ':' || !IsBlankAt(_pos + 1) || keys.FirstLine(key.Value) > 0)
                {
                    return null;
                }

                _pos++;
                SkipSpaces();
                if (Current is ',' or '}' || FlowNode(depth + 1) is not { } value)
                {
                    return null;
                }

                keys.Add(new YamlMappingEntry(key.Value, key.Line, key.Column, key.IsPlain, value));
            }

            SkipSpaces();
            if (Current == ',')
            {
                _pos++;
                SkipSpaces();
                if (Current == close)
                {
                    return null;
                }

                continue;
            }

            if (Current != close)
            {
                return null;
            }

            _pos++;
            break;
        }

        if (isList)
        {
            var items = new YamlNode[_items.Count - firstItem];
            _items.CopyTo(firstItem, items, 0, items.Length);
            _items.RemoveRange(firstItem, items.Length);
            return new YamlSequence(line, column, items);
        }

        var entries = new YamlMappingEntry[_entries.Count - firstEntry];
        _entries.CopyTo(firstEntry, entries, 0, entries.Length);
        _entries.RemoveRange(firstEntry, entries.Length);
        return new YamlMapping(line, column, entries);
    }

    /// <summary>An item or value inside a flow collection.</summary>
    private YamlNode? FlowNode(int depth) => Current is '[' or '{' ? Flow(depth) : FlowScalar()?.ToNode();

    /// <summary>
    /// A scalar item, key or value inside a flow collection. A plain one may hold ':' only where a
    /// letter, digit, ':', '.' or '/' follows it, as in an IPv6 address (<c>[fd00::1]</c>), and never '#'.
    /// </summary>
    private ScalarText? FlowScalar()
    {
        if (Current is '\'' or '"')
        {
            return Quoted();
        }

        if (_pos >= _text.Length || Indicators.Contains((byte)Current))
        {
            return null;
        }

        var line = _line;
        var column = _pos - _lineStart + 1;
        var start = _pos;
        while (true)
        {
            var end = _text[_pos..].IndexOfAny(FlowPlainEnds);
            _pos = end < 0 ? _text.Length : _pos + end;
            if (Current != ':' || _pos + 1 >= _text.Length || !IsPlainAfterColon(_text[_pos + 1]))
            {
                break;
            }

            _pos++;
        }

        if (Current is '\n' or ':' or '#' || _pos >= _text.Length)
        {
            // ':' ends a key here, which the caller checks; the other three mean the collection does not close on this line.
            if (Current != ':')
            {
                return null;
            }
        }

        return new ScalarText(line, column, _strings.Get(_text[start.._pos].TrimEnd((byte)' ')), IsPlain: true);
    }

    private static bool IsPlainAfterColon(byte next) => char.IsAsciiLetterOrDigit((char)next) || next is (byte)':' or (byte)'.' or (byte)'/';

    /// <summary>Ends the current line: only spaces and a comment may follow the node. Moves to the next line.</summary>
    private bool EndLine()
    {
        SkipSpaces();
        if (Current == '#')
        {
            // A comment needs a space before it; "a"#b is not one.
            if (_pos > _lineStart && _text[_pos - 1] != ' ')
            {
                return false;
            }

            var end = _text[_pos..].IndexOf((byte)'\n');
            _pos = end < 0 ? _text.Length : _pos + end;
        }

        if (_pos >= _text.Length)
        {
            return true;
        }

        if (_text[_pos] != '\n')
        {
            return false;
        }

        NewLine();
        return true;
    }

    /// <summary>
    /// Moves from the start of a line to the first character of the next line with content, skipping
    /// blank and comment lines, and records its indentation, or <see cref="EndOfDocument"/> at the end
    /// of the text or at a "---" line (which <see cref="_pos"/> is then left at). Always true, so it chains.
    /// </summary>
    private bool Next()
    {
        while (_pos < _text.Length)
        {
            if (_pos == _lineStart && IsMarker())
            {
                _nextIndent = EndOfDocument;
                return true;
            }

            SkipSpaces();
            if (_pos >= _text.Length)
            {
                break;
            }

            var c = (char)_text[_pos];
            if (c == '#')
            {
                var end = _text[_pos..].IndexOf((byte)'\n');
                _pos = end < 0 ? _text.Length : _pos + end;
                continue;
            }

            if (c == '\n')
            {
                NewLine();
                continue;
            }

            _nextIndent = _pos - _lineStart;
            return true;
        }

        _nextIndent = EndOfDocument;
        return true;
    }

    /// <summary>Whether the line starts with "---" alone: a new document. "..." and directives decline elsewhere.</summary>
    private readonly bool IsMarker() =>
        _pos + 2 < _text.Length && _text[_pos] == '-' && _text[_pos + 1] == '-' && _text[_pos + 2] == '-' && IsBlankAt(_pos + 3);

    private readonly bool IsListEntry() => Current == '-' && IsBlankAt(_pos + 1);

    private readonly bool AtLineEnd() => _pos >= _text.Length || (char)_text[_pos] is '\n' or '#';

    private readonly bool IsBlankAt(int index) => index >= _text.Length || (char)_text[index] is ' ' or '\n';

    private readonly char Current => _pos < _text.Length ? (char)_text[_pos] : '\0';

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    private void NewLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>
    /// A scalar as read, before it is known to be a key or a value: only a value becomes a node,
    /// since a key lives on in its mapping entry as text and position.
    /// </summary>
    private readonly record struct ScalarText(int Line, int Column, string Value, bool IsPlain)
    {
        public YamlScalar ToNode() => new(Line, Column, Value, IsPlain);
    }
}
