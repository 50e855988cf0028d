using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;

namespace Ztap.Cloud.Discovery;

/// <summary>
/// EC2 instances as an inventory: each running or pending instance is a workload named by its
/// instance id, in the namespace its tag gives, so policies select instances exactly as they select
/// any other workload and on-prem policies can reach them.
/// </summary>
public sealed class Ec2InventorySource(Ec2Discovery discovery) : IInventorySource
{
    public string Description => discovery.Description;

    public async Task<InventoryLoadResult> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await discovery.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        return ToInventory(result, Description);
    }

    /// <summary>The inventory of instances already discovered, so a sync reads EC2 once for both.</summary>
    public static InventoryLoadResult ToInventory(DiscoveryResult result, string description)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(result.Diagnostics);
        var workloads = DuplicateWorkloads.Remove(result.Instances.Select(i => ToWorkload(i, description)), diagnostics);
        return new InventoryLoadResult(new WorkloadInventory([], workloads), diagnostics.ToImmutableSorted());
    }

    public static Workload ToWorkload(Ec2Instance instance, string description) =>
        new(instance.InstanceId, instance.Namespace, instance.Labels, instance.Addresses, instance.NamedPorts, new SourceLocation(description, 0, 0));
}
