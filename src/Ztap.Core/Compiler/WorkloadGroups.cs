using System.Collections.Immutable;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;

namespace Ztap.Core.Compiler;

/// <summary>
/// The inventory's workloads grouped and indexed by namespace and label, so a selector is answered
/// from the shortest matching posting list instead of a scan of every workload. Unchanged once
/// the identities are assigned, so compilations against the same inventory share it.
/// </summary>
internal sealed class WorkloadGroups
{
    private static readonly List<int> None = [];

    private readonly NamespaceIndex _namespaces;
    private readonly Dictionary<string, List<int>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Key, string Value), List<int>> _byLabel = [];

    public WorkloadGroups(WorkloadInventory inventory)
    {
        _namespaces = new NamespaceIndex(inventory);
        var byKey = new Dictionary<string, WorkloadGroup>(StringComparer.Ordinal);
        var groups = new List<WorkloadGroup>();
        var workloadGroup = new int[inventory.Workloads.Length];

        // Replicas repeat their group's namespace, labels and ports exactly; finding those first
        // spares building the key text for every workload.
        var lastSeen = new Dictionary<(string Namespace, LabelSet Labels), WorkloadGroup>();
        for (var i = 0; i < inventory.Workloads.Length; i++)
        {
            var workload = inventory.Workloads[i];
            if (!lastSeen.TryGetValue((workload.Namespace, workload.Labels), out var group)
                || !group.NamedPorts.AsSpan().SequenceEqual(workload.NamedPorts.AsSpan()))
            {
                var key = WorkloadGroup.KeyOf(workload);
                if (!byKey.TryGetValue(key, out group))
                {
                    group = new WorkloadGroup(groups.Count, workload.Namespace, workload.Labels, workload.NamedPorts, key);
                    byKey.Add(key, group);
                    groups.Add(group);
                    Index(group);
                }

                lastSeen[(workload.Namespace, workload.Labels)] = group;
            }

            workloadGroup[i] = group.Index;
        }

        All = [.. groups];
        GroupOfWorkload = [.. workloadGroup];
    }

    public ImmutableArray<WorkloadGroup> All { get; }

    /// <summary>The group of each inventory workload, by position in <see cref="WorkloadInventory.Workloads"/>.</summary>
    public ImmutableArray<int> GroupOfWorkload { get; }

    /// <summary>The groups of one namespace that a pod selector matches.</summary>
    public int[] Select(string @namespace, LabelSelector selector)
    {
        var selected = new List<int>();
        foreach (var group in Candidates(@namespace, selector))
        {
            if (selector.Matches(All[group].Labels))
            {
                selected.Add(group);
            }
        }

        return [.. selected];
    }

    /// <summary>The names of the namespaces a namespace selector matches.</summary>
    public string[] SelectNamespaces(LabelSelector selector) => _namespaces.Select(selector);

    private List<int> Candidates(string @namespace, LabelSelector selector)
    {
        var best = _byNamespace.GetValueOrDefault(@namespace, None);
        foreach (var (key, value) in selector.MatchLabels)
        {
            var posting = _byLabel.GetValueOrDefault((@namespace, key, value), None);
            if (posting.Count < best.Count)
            {
                best = posting;
            }
        }

        return best;
    }

    private void Index(WorkloadGroup group)
    {
        Add(_byNamespace, group.Namespace, group.Index);
        foreach (var (key, value) in group.Labels)
        {
            Add(_byLabel, (group.Namespace, key, value), group.Index);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int group)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index.Add(key, list);
        }

        list.Add(group);
    }
}
