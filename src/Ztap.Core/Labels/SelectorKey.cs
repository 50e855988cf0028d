namespace Ztap.Core.Labels;

/// <summary>
/// A key equal for selectors that select the same, for caching answers per selector. Cheaper than
/// the selector's text when it has no expressions, which is the common case.
/// </summary>
internal static class SelectorKey
{
    public static (LabelSet Labels, string Expressions) Of(LabelSelector selector) =>
        (selector.MatchLabels, selector.MatchExpressions.IsEmpty ? "" : string.Join(';', selector.MatchExpressions));
}
