using Ztap.Core.Diagnostics;

namespace Ztap.Core.Inventory;

/// <summary>
/// Several inventory sources read as one, such as an on-prem file and EC2 discovery, so policies
/// select workloads wherever they run. Namespaces declared by more than one source keep the first
/// declaration; clashing workloads are errors.
/// </summary>
public sealed class CompositeInventorySource(IReadOnlyList<IInventorySource> sources) : IInventorySource
{
    public string Description => string.Join(" + ", sources.Select(s => s.Description));

    public async Task<InventoryLoadResult> LoadAsync(CancellationToken cancellationToken)
    {
        var results = new List<InventoryLoadResult>(sources.Count);
        foreach (var source in sources)
        {
            results.Add(await source.LoadAsync(cancellationToken).ConfigureAwait(false));
        }

        return Merge(results);
    }

    /// <summary>Inventories already read, as one.</summary>
    public static InventoryLoadResult Merge(IEnumerable<InventoryLoadResult> results)
    {
        var diagnostics = new DiagnosticBag();
        var namespaces = new Dictionary<string, WorkloadNamespace>(StringComparer.Ordinal);
        var workloads = new List<Workload>();
        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            foreach (var ns in result.Inventory.Namespaces)
            {
                namespaces.TryAdd(ns.Name, ns);
            }

            workloads.AddRange(result.Inventory.Workloads);
        }

        var unique = DuplicateWorkloads.Remove(workloads, diagnostics);
        return new InventoryLoadResult(new WorkloadInventory(namespaces.Values, unique), diagnostics.ToImmutableSorted());
    }
}
