using System.Collections.Immutable;

namespace Ztap.Core.Labels;

/// <summary>One <c>matchExpressions</c> entry: a key, an operator and, for In and NotIn, the values.</summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, ImmutableArray<string> Values)
{
    public bool Matches(LabelSet labels) => Operator switch
    {
        SelectorOperator.In => labels.TryGetValue(Key, out var value) && Values.Contains(value),
        SelectorOperator.NotIn => !labels.TryGetValue(Key, out var value) || !Values.Contains(value),
        SelectorOperator.Exists => labels.ContainsKey(Key),
        SelectorOperator.DoesNotExist => !labels.ContainsKey(Key),
        _ => throw new InvalidOperationException($"unknown selector operator {Operator}"),
    };

    public override string ToString() => Operator switch
    {
        SelectorOperator.Exists => Key,
        SelectorOperator.DoesNotExist => "!" + Key,
        SelectorOperator.In => $"{Key} in ({string.Join(',', Values)})",
        _ => $"{Key} notin ({string.Join(',', Values)})",
    };
}
