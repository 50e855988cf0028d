using Amazon.EC2;
using Ztap.Cli.Output;
using Ztap.Cloud.Discovery;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Cli.Commands;

/// <summary>
/// What a sync works from: the policies compiled against the on-prem inventory (if any) joined by
/// the EC2 instances discovered, with every problem printed and nothing synced when one is an error.
/// </summary>
internal sealed record CloudSyncInputs(PolicySet PolicySet, IReadOnlyList<Ec2Instance> Instances)
{
    public static async Task<CloudSyncInputs?> LoadAsync(
        IReadOnlyList<string> policyPaths, string? inventoryPath, Ec2Discovery discovery, CliConsole console, CancellationToken cancellationToken)
    {
        var policies = await PolicyLoader.LoadAsync(policyPaths, cancellationToken).ConfigureAwait(false);
        var onPrem = inventoryPath is null
            ? new InventoryLoadResult(WorkloadInventory.Empty, [])
            : await new InventoryFileSource(inventoryPath).LoadAsync(cancellationToken).ConfigureAwait(false);
        var discovered = await discovery.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var inventory = CompositeInventorySource.Merge([onPrem, Ec2InventorySource.ToInventory(discovered, discovery.Description)]);

        var diagnostics = policies.Diagnostics.AddRange(inventory.Diagnostics);
        DiagnosticText.WriteAll(diagnostics, console.Error, console.ErrorPalette);
        if (policies.HasErrors || inventory.HasErrors)
        {
            console.Error.WriteLine($"{DiagnosticText.Count(diagnostics)}; nothing was synced");
            return null;
        }

        return new CloudSyncInputs(PolicyCompiler.Compile(policies.Policies, inventory.Inventory), discovered.Instances);
    }
}
