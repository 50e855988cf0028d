using System.Collections.Immutable;
using Ztap.Core.Labels;
using Ztap.Core.Policy.Validation;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>Reads one <c>matchExpressions</c> entry: key, operator and the values the operator needs.</summary>
internal static class LabelRequirementReader
{
    private const string OperatorHint = ": In, NotIn, Exists or DoesNotExist";
    private static readonly string[] Fields = ["key", "operator", "values"];
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public static LabelRequirement? Read(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var errors = context.ErrorCount;
        string? key = null;
        SelectorOperator? @operator = null;
        var values = ImmutableArray<string>.Empty;
        foreach (var entry in mapping.Entries)
        {
            var entryPath = path.Field(entry.Key);
            switch (entry.Key)
            {
                case "key":
                    key = ReadKey(entry.Value, entryPath, context);
                    break;
                case "operator":
                    @operator = ReadOperator(entry.Value, entryPath, context);
                    break;
                case "values":
                    values = ReadValues(entry.Value, entryPath, context);
                    break;
                default:
                    context.UnknownField(entry, path, Fields);
                    break;
            }
        }

        context.Require(mapping, "key", path);
        context.Require(mapping, "operator", path, OperatorHint);
        CheckValueCount(@operator, values, mapping.Find("values") ?? mapping, path.Field("values"), context);
        return errors == context.ErrorCount && key is not null && @operator is { } op
            ? new LabelRequirement(key, op, values)
            : null;
    }

    private static void CheckValueCount(
        SelectorOperator? @operator, ImmutableArray<string> values, YamlNode node, FieldPath path, YamlReadContext context)
    {
        switch (@operator)
        {
            case SelectorOperator.In or SelectorOperator.NotIn when values.IsEmpty:
                context.Error(node, path, $"operator {@operator} needs at least one value");
                break;
            case SelectorOperator.Exists or SelectorOperator.DoesNotExist when !values.IsEmpty:
                context.Error(node, path, $"operator {@operator} takes no values");
                break;
        }
    }

    private static string? ReadKey(YamlNode node, FieldPath path, YamlReadContext context)
    {
        var key = context.OptionalString(node, path);
        var error = key is null ? null : LabelSyntax.KeyError(key);
        if (error is not null)
        {
            context.Error(node, path, $"invalid label key '{key}': {error}");
        }

        return key;
    }

    private static SelectorOperator? ReadOperator(YamlNode node, FieldPath path, YamlReadContext context)
    {
        switch (context.OptionalString(node, path))
        {
            case "In": return SelectorOperator.In;
            case "NotIn": return SelectorOperator.NotIn;
            case "Exists": return SelectorOperator.Exists;
            case "DoesNotExist": return SelectorOperator.DoesNotExist;
            case null: return null;
            case var other:
                var suggestion = FieldNameSuggestion.Closest(other, Operators);
                var hint = suggestion is null ? $"expected one of{OperatorHint}" : $"did you mean '{suggestion}'?";
                context.Error(node, path, $"unknown operator '{other}'; {hint}");
                return null;
        }
    }

    private static ImmutableArray<string> ReadValues(YamlNode node, FieldPath path, YamlReadContext context)
    {
        if (context.OptionalSequence(node, path) is not { } sequence)
        {
            return [];
        }

        var values = ImmutableArray.CreateBuilder<string>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = path.Index(i);
            if (YamlReadContext.IsAbsent(item))
            {
                context.Error(item, itemPath, "expected a label value, found null; write '' for an empty one");
            }
            else if (context.OptionalString(item, itemPath) is { } value)
            {
                var error = LabelSyntax.ValueError(value);
                if (error is not null)
                {
                    context.Error(item, itemPath, $"invalid label value '{value}': {error}");
                }

                values.Add(value);
            }
        }

        return values.DrainToImmutable();
    }
}
