using Ztap.Core.Labels;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads a <c>key: value</c> mapping of labels (<c>matchLabels</c>, <c>metadata.labels</c>, an
/// inventory's labels) or of annotations, checking each key and value against Kubernetes' rules.
/// </summary>
internal static class LabelMapReader
{
    public static LabelSet ReadLabels(YamlMapping mapping, FieldPath path, YamlReadContext context)
    {
        var labels = new KeyValuePair<string, string>[mapping.Entries.Length];
        var count = 0;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            CheckKey(entry, entryPath, "label", context);
            var value = ReadValue(entry, entryPath, "label", context);
            if (value is null)
            {
                continue;
            }

            var error = LabelSyntax.ValueError(value);
            if (error is not null)
            {
                context.Error(entry.Value, entryPath, $"invalid label value '{value}': {error}");
                continue;
            }

            labels[count++] = new(entry.Key, value);
        }

        return LabelSet.FromOwned(labels, count);
    }

    /// <summary>Checks annotations, whose keys follow the label key rule and whose values are any text.</summary>
    public static void CheckAnnotations(YamlMapping mapping, FieldPath path, YamlReadContext context)
    {
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            CheckKey(entry, entryPath, "annotation", context);
            ReadValue(entry, entryPath, "annotation", context);
        }
    }

    private static void CheckKey(YamlMappingEntry entry, FieldPath path, string what, YamlReadContext context)
    {
        var error = LabelSyntax.KeyError(entry.Key);
        if (error is not null)
        {
            context.Error(entry.KeyNode, path, $"invalid {what} key {entry.KeyNode.Quoted}: {error}");
        }
    }

    private static string? ReadValue(YamlMappingEntry entry, FieldPath path, string what, YamlReadContext context)
    {
        if (YamlReadContext.IsAbsent(entry.Value))
        {
            // Kubernetes would quietly read null as "", which hides a forgotten value.
            context.Error(entry.Value, path, $"the {what} {entry.KeyNode.Quoted} has no value; write '' for an empty one");
            return null;
        }

        return context.OptionalString(entry.Value, path);
    }
}
