using Ztap.Core.Inventory;
using Ztap.Core.Labels;

namespace Ztap.Core.Compiler;

/// <summary>
/// The inventory's namespaces indexed by label, so a namespace selector is answered from the
/// shortest posting list of its <c>matchLabels</c> rather than a scan of every namespace: policies
/// name one team's namespace each, and an estate has thousands of them. Answers are cached because
/// policies repeat the same selectors.
/// </summary>
internal sealed class NamespaceIndex
{
    private readonly WorkloadInventory _inventory;
    private readonly List<int> _all;
    private readonly Dictionary<(string Key, string Value), List<int>> _byLabel = [];

    public NamespaceIndex(WorkloadInventory inventory)
    {
        _inventory = inventory;
        _all = new List<int>(inventory.Namespaces.Length);
        for (var index = 0; index < inventory.Namespaces.Length; index++)
        {
            _all.Add(index);
            foreach (var label in inventory.Namespaces[index].Labels)
            {
                if (!_byLabel.TryGetValue((label.Key, label.Value), out var posting))
                {
                    posting = [];
                    _byLabel.Add((label.Key, label.Value), posting);
                }

                posting.Add(index);
            }
        }
    }

    /// <summary>The names of the namespaces the selector matches, in inventory order.</summary>
    public string[] Select(LabelSelector selector)
    {
        var matching = new List<string>();
        foreach (var index in Candidates(selector))
        {
            var ns = _inventory.Namespaces[index];
            if (selector.Matches(ns.Labels))
            {
                matching.Add(ns.Name);
            }
        }

        return [.. matching];
    }

    private List<int> Candidates(LabelSelector selector)
    {
        var best = _all;
        foreach (var (key, value) in selector.MatchLabels)
        {
            if (!_byLabel.TryGetValue((key, value), out var posting))
            {
                return [];
            }

            if (posting.Count < best.Count)
            {
                best = posting;
            }
        }

        return best;
    }
}
