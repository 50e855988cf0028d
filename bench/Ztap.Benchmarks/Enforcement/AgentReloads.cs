using System.Diagnostics;
using System.Globalization;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;
using Ztap.Enforcement;

namespace Ztap.Benchmarks.Enforcement;

/// <summary>
/// Times what the agent does when one policy file of an installed estate is edited: read the
/// inputs again (only the edited file is parsed, the unchanged inventory is only hashed), compile
/// reusing the set in force, and install. Edits a copy of the estate's policies, never the estate.
/// </summary>
internal static class AgentReloads
{
    private const int Reloads = 7;

    public static async Task RunAsync(string estateDirectory, IEnforcer enforcer)
    {
        var copy = Directory.CreateTempSubdirectory("ztap-reload-bench-").FullName;
        try
        {
            var files = Directory.GetFiles(Path.Combine(estateDirectory, "policies"));
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            var edited = Path.Combine(copy, Path.GetFileName(files.Order(StringComparer.Ordinal).First()));
            var original = await File.ReadAllTextAsync(edited);
            var source = new InventoryFileSource(Path.Combine(estateDirectory, "inventory.yaml"));
            var cache = new PolicyFileCache();
            var inventory = await source.LoadAsync(previous: null, CancellationToken.None);
            var policies = await PolicyLoader.LoadAsync([copy], InputLimits.Default, cache, CancellationToken.None);
            var set = PolicyCompiler.Compile(policies.Policies, inventory.Inventory);
            await enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);

            var stages = new[] { new List<double>(), new List<double>(), new List<double>(), new List<double>() };
            for (var reload = 1; reload <= Reloads; reload++)
            {
                // Widens, then restores, one port range of the first policy.
                await File.WriteAllTextAsync(edited, reload % 2 == 1 ? Widened(original) : original);
                var clock = Stopwatch.StartNew();
                inventory = await source.LoadAsync(inventory, CancellationToken.None);
                policies = await PolicyLoader.LoadAsync([copy], InputLimits.Default, cache, CancellationToken.None);
                var read = clock.Elapsed.TotalMilliseconds;
                set = PolicyCompiler.Compile(policies.Policies, inventory.Inventory, set);
                var compiled = clock.Elapsed.TotalMilliseconds;
                await enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
                var installed = clock.Elapsed.TotalMilliseconds;
                stages[0].Add(read);
                stages[1].Add(compiled - read);
                stages[2].Add(installed - compiled);
                stages[3].Add(installed);
            }

            foreach (var stage in stages)
            {
                stage.Sort();
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"agent reload of a one-file edit, medians of {Reloads}: read {stages[0][Reloads / 2]:F1} ms, compile {stages[1][Reloads / 2]:F1} ms, install {stages[2][Reloads / 2]:F1} ms, total {stages[3][Reloads / 2]:F1} ms"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string Widened(string policyFile)
    {
        const string Range = "endPort: 9110}";
        var at = policyFile.IndexOf(Range, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException("the generated policies have no port range to widen")
            : string.Concat(policyFile.AsSpan(0, at), "endPort: 9111}", policyFile.AsSpan(at + Range.Length));
    }
}
