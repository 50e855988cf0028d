using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Benchmarks.Generation;

/// <summary>An estate <see cref="EstateWriter"/> wrote, read back as the timing modes use it.</summary>
internal static class WrittenEstate
{
    /// <summary>The estate's policies and inventory; an estate that does not load is refused.</summary>
    public static async Task<(IReadOnlyList<NetworkPolicy> Policies, WorkloadInventory Inventory)> LoadAsync(string directory)
    {
        var inventory = await new InventoryFileSource(Path.Combine(directory, "inventory.yaml"), EstateLimits.Large).LoadAsync(CancellationToken.None);
        var policies = await PolicyLoader.LoadAsync([Path.Combine(directory, "policies")], CancellationToken.None);
        return policies.HasErrors || inventory.HasErrors
            ? throw new InvalidOperationException($"the estate in {directory} does not load: {policies.Diagnostics.Concat(inventory.Diagnostics).First()}")
            : (policies.Policies, inventory.Inventory);
    }

    /// <summary>The same policies with the first one also allowing egress to TCP 9443 anywhere.</summary>
    public static List<NetworkPolicy> WithOneChange(IReadOnlyList<NetworkPolicy> policies)
    {
        var changed = policies.ToList();
        changed[0] = changed[0] with { Egress = changed[0].Egress.Add(new PolicyRule([], [new PolicyPort(Protocol.Tcp, 9443, null, null)])) };
        return changed;
    }
}
