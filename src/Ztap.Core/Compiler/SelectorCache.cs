using Ztap.Core.Labels;

namespace Ztap.Core.Compiler;

/// <summary>
/// The answers of one compilation's selectors, kept because policies repeat the same selectors. One
/// per compilation, apart from the groups it asks, which later compilations may share.
/// </summary>
internal sealed class SelectorCache(WorkloadGroups groups)
{
    private readonly Dictionary<(string Namespace, LabelSet Labels, string Expressions), int[]> _groups = [];
    private readonly Dictionary<(LabelSet Labels, string Expressions), string[]> _namespaces = [];

    /// <summary>The groups of one namespace that a pod selector matches.</summary>
    public int[] Select(string @namespace, LabelSelector selector)
    {
        var (labels, expressions) = SelectorKey.Of(selector);
        if (!_groups.TryGetValue((@namespace, labels, expressions), out var selected))
        {
            selected = groups.Select(@namespace, selector);
            _groups.Add((@namespace, labels, expressions), selected);
        }

        return selected;
    }

    /// <summary>The names of the namespaces a namespace selector matches.</summary>
    public string[] SelectNamespaces(LabelSelector selector)
    {
        var key = SelectorKey.Of(selector);
        if (!_namespaces.TryGetValue(key, out var selected))
        {
            selected = groups.SelectNamespaces(selector);
            _namespaces.Add(key, selected);
        }

        return selected;
    }
}
