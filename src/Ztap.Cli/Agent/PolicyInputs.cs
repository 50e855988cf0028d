using System.Collections.Immutable;
using Ztap.Cli.Output;
using Ztap.Core.Compiler;
using Ztap.Core.Diagnostics;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Cli.Agent;

/// <summary>
/// What the agent enforces, read from its policy and inventory paths: the compiled set, or the
/// diagnostics that stop it (printed like a compiler, as every other verb prints them), the
/// inventory it was compiled against, and the policy files as read.
/// </summary>
internal sealed record PolicyInputs(PolicySet? Set, ImmutableArray<Diagnostic> Diagnostics, InventoryLoadResult Inventory, PolicyFileCache Files)
{
    /// <summary>
    /// Reads and compiles the inputs. Given the inputs in force, only policy files whose text
    /// changed are parsed again, an unchanged inventory file is not parsed again, and the compiler
    /// reuses what it derived from that inventory, so an edited policy costs little more than its
    /// own file and the recompilation of the rules.
    /// </summary>
    public static async Task<PolicyInputs> LoadAsync(
        IReadOnlyList<string> policyPaths, string inventoryPath, PolicyInputs? inForce, CancellationToken cancellationToken)
    {
        var files = inForce?.Files ?? new PolicyFileCache();
        var policiesTask = PolicyLoader.LoadAsync(policyPaths, InputLimits.Default, files, cancellationToken);
        var inventoryTask = new InventoryFileSource(inventoryPath).LoadAsync(inForce?.Inventory, cancellationToken);
        var policies = await policiesTask.ConfigureAwait(false);
        var inventory = await inventoryTask.ConfigureAwait(false);
        var diagnostics = policies.Diagnostics.AddRange(inventory.Diagnostics);
        return policies.HasErrors || inventory.HasErrors
            ? new PolicyInputs(null, diagnostics, inventory, files)
            : new PolicyInputs(PolicyCompiler.Compile(policies.Policies, inventory.Inventory, inForce?.Set), diagnostics, inventory, files);
    }

    /// <summary>Each diagnostic as the other verbs print it, sorted by file and line.</summary>
    public IEnumerable<(Severity Severity, string Text)> DiagnosticLines() =>
        DiagnosticText.Sorted(Diagnostics).Select(d => (d.Severity, DiagnosticText.Format(d, Palette.None)));

    /// <summary>"2 errors, 1 warning".</summary>
    public string Count() => DiagnosticText.Count(Diagnostics);
}
