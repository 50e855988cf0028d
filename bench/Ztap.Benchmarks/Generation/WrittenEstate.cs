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

    /// <summary>
    /// The same policies with a copy of the first one, renamed, listed before it: every other
    /// policy moves one position down the list.
    /// </summary>
    public static List<NetworkPolicy> WithOnePolicyAdded(IReadOnlyList<NetworkPolicy> policies) =>
        [policies[0] with { Name = policies[0].Name + "-copy" }, .. policies];

    /// <summary>The same policies with the first one also allowing egress to TCP 9443 anywhere: every later rule moves up one position.</summary>
    public static List<NetworkPolicy> WithOneRuleAdded(IReadOnlyList<NetworkPolicy> policies)
    {
        var changed = policies.ToList();
        changed[0] = changed[0] with { Egress = changed[0].Egress.Add(new PolicyRule([], [new PolicyPort(Protocol.Tcp, 9443, null, null)])) };
        return changed;
    }

    /// <summary>The same policies with the first port of the first one's first egress rule moved up by one: an edit in place.</summary>
    public static List<NetworkPolicy> WithOnePortMoved(IReadOnlyList<NetworkPolicy> policies)
    {
        var changed = policies.ToList();
        var rule = changed[0].Egress[0];
        var port = rule.Ports[0];
        var moved = rule with { Ports = rule.Ports.SetItem(0, port with { Port = port.Port + 1 }) };
        changed[0] = changed[0] with { Egress = changed[0].Egress.SetItem(0, moved) };
        return changed;
    }
}
