using System.Collections.Immutable;

namespace Ztap.Core.Labels;

/// <summary>
/// A Kubernetes label selector: <c>matchLabels</c> and <c>matchExpressions</c>, all of which must
/// hold. The empty selector matches everything.
/// </summary>
public sealed record LabelSelector(LabelSet MatchLabels, ImmutableArray<LabelRequirement> MatchExpressions)
{
    public static LabelSelector Everything { get; } = new(LabelSet.Empty, []);

    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.IsEmpty;

    public bool Matches(LabelSet labels)
    {
        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in MatchExpressions)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector in kubectl's <c>-l</c> syntax; the empty selector reads <c>(all)</c>.</summary>
    public override string ToString() => IsEmpty
        ? "(all)"
        : string.Join(',', MatchLabels.Select(p => $"{p.Key}={p.Value}").Concat(MatchExpressions.Select(e => e.ToString())));
}
