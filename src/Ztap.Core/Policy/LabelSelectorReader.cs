using System.Collections.Immutable;
using Ztap.Core.Labels;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads a label selector (<c>podSelector</c>, <c>namespaceSelector</c>): matchLabels and
/// matchExpressions. Selectors that select the same within a file are one object (<see cref="SharedValues"/>).
/// </summary>
internal static class LabelSelectorReader
{
    private static readonly string[] Fields = ["matchLabels", "matchExpressions"];

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

        return labels.Count == 0 && expressions.IsEmpty ? LabelSelector.Everything : SharedValues.Of(context).Share(new LabelSelector(labels, expressions));
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
