using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Yaml;

/// <summary>
/// Turns YAML text into one tree per document, enforcing <see cref="InputLimits"/> and reporting
/// syntax errors as diagnostics. Text in the plain subset that policies are written in is read by
/// <see cref="YamlSubsetReader"/>; the rest by YamlDotNet's event parser (never its reflection-based
/// deserializer, so it works under NativeAOT), which also gives every syntax error its message.
/// </summary>
internal static class YamlStreamReader
{
    /// <summary>
    /// Reads every document of a file's <paramref name="bytes"/> (UTF-8, or what a byte order mark
    /// says) into <paramref name="sink"/> as each is read. Documents with YAML-level errors and empty
    /// documents are left out; a syntax error or an exceeded limit ends the file.
    /// <paramref name="inputKind"/> says what the file holds, for messages: "policies", "an
    /// inventory". When the fast reader declines partway, the diagnostics added since the start are
    /// dropped and the sink restarted before the slower reader reads the file again, so the sink ends
    /// up with exactly what that reader alone would have given it. Only then is the text decoded.
    /// </summary>
    public static void Read(
        ReadOnlySpan<byte> bytes, string file, InputLimits limits, string inputKind, List<Diagnostic> diagnostics, IYamlDocumentSink sink)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            diagnostics.Add(FileTooLarge(file, bytes.Length, limits));
            return;
        }

        var start = diagnostics.Count;
        if (YamlSubsetReader.TryRead(YamlFile.WithoutUtf8Mark(bytes), limits, sink))
        {
            return;
        }

        diagnostics.RemoveRange(start, diagnostics.Count - start);
        sink.Restart();
        ReadWithParser(YamlFile.Decode(bytes), file, limits, inputKind, diagnostics, sink.Document);
    }

    /// <summary>Reads with YamlDotNet alone; <see cref="YamlSubsetReader"/> must give the same trees wherever it reads.</summary>
    internal static void ReadWithParser(
        string text, string file, InputLimits limits, string inputKind, List<Diagnostic> diagnostics, Action<YamlNode> onDocument)
    {
        var parser = new Parser(new StringReader(text));
        var builder = new YamlTreeBuilder(parser, file, limits, inputKind, diagnostics);
        try
        {
            ReadDocuments(parser, builder, limits, onDocument);
        }
        catch (YamlException exception)
        {
            builder.Error(exception.Start, $"YAML syntax error: {Sentence(exception.Message)}");
        }
        catch (YamlLimitExceededException exception)
        {
            builder.Error(exception.Mark, exception.Message);
        }
    }

    /// <summary>The diagnostic for a file over <see cref="InputLimits.MaxFileBytes"/>.</summary>
    public static Diagnostic FileTooLarge(string file, long bytes, InputLimits limits) => YamlFile.Problem(
        file, $"the file is {bytes:N0} bytes, more than the limit of {limits.MaxFileBytes:N0} (InputLimits.MaxFileBytes)");

    private static void ReadDocuments(IParser parser, YamlTreeBuilder builder, InputLimits limits, Action<YamlNode> onDocument)
    {
        builder.Advance();
        builder.Expect<StreamStart>();
        var count = 0;
        while (parser.Current is DocumentStart start)
        {
            if (++count > limits.MaxDocuments)
            {
                throw new YamlLimitExceededException(
                    start.Start, $"the file has more than {limits.MaxDocuments:N0} YAML documents (InputLimits.MaxDocuments)");
            }

            builder.Advance();
            var root = builder.ReadDocumentContent(out var failed);
            builder.Expect<DocumentEnd>();
            if (!failed && !(root is YamlScalar { IsNull: true }))
            {
                onDocument(root);
            }
        }
    }

    /// <summary>YamlDotNet's "While parsing X, did not find Y." as "while parsing X, did not find Y".</summary>
    private static string Sentence(string message)
    {
        var trimmed = message.TrimEnd('.', ' ');
        return trimmed.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
    }
}
