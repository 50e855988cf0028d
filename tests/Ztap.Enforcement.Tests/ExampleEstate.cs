using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Enforcement;

namespace Ztap.Enforcement.Tests;

/// <summary>The repository's examples (examples/policies, examples/inventory.yaml) compiled, and golden files beside the tests.</summary>
internal static class ExampleEstate
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<PolicySet> CompileAsync()
    {
        var policies = await PolicyLoader.LoadAsync([Path.Join(RepositoryRoot, "examples", "policies")], CancellationToken.None);
        var inventory = await new InventoryFileSource(Path.Join(RepositoryRoot, "examples", "inventory.yaml")).LoadAsync(CancellationToken.None);
        Assert.False(policies.HasErrors, string.Join("\n", policies.Diagnostics));
        return PolicyCompiler.Compile(policies.Policies, inventory.Inventory);
    }

    /// <summary>Every workload of the inventory as if one host were all of them, so each identity's rules appear.</summary>
    public static IReadOnlyList<HostWorkload> AllAsHosts(PolicySet set) =>
        HostWorkloads.Resolve(set, [], [.. set.Inventory.Workloads.Where(w => !w.Addresses.IsEmpty).Select(w => w.QualifiedName)]);

    /// <summary>Compares with a golden file; ZTAP_UPDATE_SNAPSHOTS=1 rewrites it instead.</summary>
    public static void MatchesGolden(string actual, params string[] relativePath)
    {
        var path = Path.Join([RepositoryRoot, "tests", "Ztap.Enforcement.Tests", .. relativePath]);
        if (Environment.GetEnvironmentVariable("ZTAP_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with ZTAP_UPDATE_SNAPSHOTS=1 to write it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Join(directory.FullName, "Ztap.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Ztap.slnx) is not above the test binaries");
    }
}
