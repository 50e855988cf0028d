using Ztap.Core.Diagnostics;

namespace Ztap.Core.Yaml;

/// <summary>
/// What a reader mapping YAML trees onto the model needs: the file, the object being read, and
/// where to put diagnostics. Its helpers check node kinds so that each reader only states what
/// it expects; a wrong kind becomes an error and the helper returns null.
/// </summary>
internal sealed class YamlReadContext(string file, List<Diagnostic> diagnostics)
{
    public string File { get; } = file;

    private string? _subject;
    private (string Namespace, string Name)? _subjectParts;

    /// <summary>The object being read, as <c>namespace/name</c>, once known; attached to every diagnostic.</summary>
    public string? Subject
    {
        get => _subject ??= _subjectParts is { } parts ? $"{parts.Namespace}/{parts.Name}" : null;
        set
        {
            _subject = value;
            _subjectParts = null;
        }
    }

    /// <summary>
    /// Makes <c>namespace/name</c> the subject without joining the two until a diagnostic needs
    /// the text: most of an inventory's many workloads have none.
    /// </summary>
    public void SetSubject(string @namespace, string name)
    {
        _subject = null;
        _subjectParts = (@namespace, name);
    }

    public int ErrorCount { get; private set; }

    /// <summary>The errors and warnings reported so far.</summary>
    public int DiagnosticCount => diagnostics.Count;

    /// <summary>
    /// Whether a field is missing. A null value (<c>key:</c> with nothing after it) counts as
    /// missing, as it does when Kubernetes reads an object.
    /// </summary>
    public static bool IsAbsent(YamlNode? node) => node is null or YamlScalar { IsNull: true };

    public void Error(YamlNode node, FieldPath path, string message)
    {
        ErrorCount++;
        diagnostics.Add(new Diagnostic(Severity.Error, node.Location(File), Subject, path.ToString(), message));
    }

    public void Warning(YamlNode node, FieldPath path, string message) =>
        diagnostics.Add(new Diagnostic(Severity.Warning, node.Location(File), Subject, path.ToString(), message));

    /// <summary>The node as a mapping; null when absent, or when it is something else (reported).</summary>
    public YamlMapping? OptionalMapping(YamlNode? node, FieldPath path) =>
        IsAbsent(node) ? null : Mapping(node!, path);

    /// <summary>The node as a mapping, where null is not acceptable either (a list item, for one).</summary>
    public YamlMapping? Mapping(YamlNode node, FieldPath path)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        Error(node, path, $"expected a mapping, found {node.Description}");
        return null;
    }

    /// <summary>The node as a list; null when absent, or when it is something else (reported).</summary>
    public YamlSequence? OptionalSequence(YamlNode? node, FieldPath path)
    {
        if (IsAbsent(node) || node is YamlSequence)
        {
            return node as YamlSequence;
        }

        Error(node!, path, $"expected a list, found {node!.Description}");
        return null;
    }

    /// <summary>The node as text; null when absent, or when it is not a string (reported).</summary>
    public string? OptionalString(YamlNode? node, FieldPath path)
    {
        if (IsAbsent(node))
        {
            return null;
        }

        if (node is not YamlScalar scalar)
        {
            Error(node!, path, $"expected a string, found {node!.Description}");
            return null;
        }

        if (scalar.Type == YamlScalarType.String)
        {
            return scalar.Value;
        }

        Error(scalar, path, $"expected a string, found {scalar.Description}; quote it to use it as text: \"{scalar.Value}\"");
        return null;
    }

    /// <summary>Reports <paramref name="field"/> as required when it is missing or null; returns whether it is there.</summary>
    public bool Require(YamlMapping mapping, string field, FieldPath path, string? hint = null)
    {
        var value = mapping.Find(field);
        if (!IsAbsent(value))
        {
            return true;
        }

        Error(value ?? mapping, path.Field(field), $"{field} is required{hint}");
        return false;
    }

    /// <summary>Reports a field the reader does not know, suggesting the closest known one.</summary>
    public void UnknownField(YamlMappingEntry entry, FieldPath parent, ReadOnlySpan<string> known)
    {
        var suggestion = FieldNameSuggestion.Closest(entry.Key, known);
        var hint = suggestion is null
            ? $"; expected one of: {string.Join(", ", known.ToArray())}"
            : $"; did you mean '{suggestion}'?";
        Error(entry.KeyNode, parent.Field(entry.Key), $"unknown field {entry.KeyNode.Quoted}{hint}");
    }
}
