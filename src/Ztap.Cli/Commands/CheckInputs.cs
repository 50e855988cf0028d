using Ztap.Cli.Output;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Cli.Commands;

/// <summary>
/// What <c>ztap check</c> decides with: policies and inventory read together, their problems
/// printed to standard error, and compiled into an engine only when none is an error.
/// </summary>
internal sealed record CheckInputs(PolicyEngine Engine, WorkloadInventory Inventory)
{
    /// <summary>The loaded inputs, or null when a problem in them (already printed) makes them unusable.</summary>
    public static async Task<CheckInputs?> LoadAsync(
        IReadOnlyList<string> policyPaths, string inventoryPath, CliConsole console, CancellationToken cancellationToken)
    {
        var policiesTask = PolicyLoader.LoadAsync(policyPaths, cancellationToken);
        var inventoryTask = new InventoryFileSource(inventoryPath).LoadAsync(cancellationToken);
        var policies = await policiesTask.ConfigureAwait(false);
        var inventory = await inventoryTask.ConfigureAwait(false);

        var diagnostics = policies.Diagnostics.AddRange(inventory.Diagnostics);
        DiagnosticText.WriteAll(diagnostics, console.Error, console.ErrorPalette);
        if (policies.HasErrors || inventory.HasErrors)
        {
            console.Error.WriteLine($"{DiagnosticText.Count(diagnostics)}; nothing was checked");
            return null;
        }

        var set = PolicyCompiler.Compile(policies.Policies, inventory.Inventory);
        return new CheckInputs(new PolicyEngine(set), inventory.Inventory);
    }
}
