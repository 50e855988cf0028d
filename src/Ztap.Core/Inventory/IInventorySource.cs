namespace Ztap.Core.Inventory;

/// <summary>
/// Where workloads come from: a file today; cloud discovery, DNS and etcd plug in the same way.
/// </summary>
public interface IInventorySource
{
    /// <summary>What the source reads, for messages (<c>inventory.yaml</c>, <c>aws:eu-west-1</c>).</summary>
    string Description { get; }

    Task<InventoryLoadResult> LoadAsync(CancellationToken cancellationToken);
}
