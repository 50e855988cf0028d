using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Ztap.Core.Labels;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads a label selector (<c>podSelector</c>, <c>namespaceSelector</c>): matchLabels and
/// matchExpressions. Selectors that select the same within a file are one object: policies repeat
/// them (each may allow DNS from the same two), and a 10,000-policy estate's 53,000 selectors are
/// 11,000 distinct ones, nearly all of them distinct within their own file already.
/// </summary>
internal static class LabelSelectorReader
{
    private static readonly string[] Fields = ["matchLabels", "matchExpressions"];

    // Keyed by the file's reading context: a file's selectors are shared within it and dropped with it.
    private static readonly ConditionalWeakTable<YamlReadContext, Dictionary<(LabelSet, string), LabelSelector>> SharedInFile = new();

    public static LabelSelector Read(YamlMapping mapping, FieldPath path, YamlReadContext context)
    {
        var labels = LabelSet.Empty;
        var expressions = ImmutableArray<LabelRequirement>.Empty;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "matchLabels":
                    if (context.OptionalMapping(entry.Value, entryPath) is { } matchLabels)
                    {
                        labels = LabelMapReader.ReadLabels(matchLabels, entryPath, context);
                    }

                    break;
                case "matchExpressions":
                    expressions = ReadExpressions(entry.Value, entryPath, context);
                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        return labels.Count == 0 && expressions.IsEmpty ? LabelSelector.Everything : Share(new LabelSelector(labels, expressions), context);
    }

    private static LabelSelector Share(LabelSelector selector, YamlReadContext context)
    {
        var shared = SharedInFile.GetOrCreateValue(context);
        var key = SelectorKey.Of(selector);
        if (shared.TryGetValue(key, out var earlier))
        {
            return earlier;
        }

        shared.Add(key, selector);
        return selector;
    }

    private static ImmutableArray<LabelRequirement> ReadExpressions(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        var requirements = ImmutableArray.CreateBuilder<LabelRequirement>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (LabelRequirementReader.Read(sequence.Items[i], path.Index(i), context) is { } requirement)
            {
                requirements.Add(requirement);
            }
        }

        return requirements.DrainToImmutable();
    }
}
