using System.Diagnostics;
using System.Globalization;
using Ztap.Benchmarks.Timing;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;
using Ztap.Enforcement;

namespace Ztap.Benchmarks.Enforcement;

/// <summary>
/// Times what the agent does when an input of an installed estate is edited: read the inputs again
/// (only an edited policy file is parsed, an unchanged inventory is only hashed), compile reusing
/// the set in force, and install. Two edits: one policy file's port range, and one workload added
/// to the inventory, a replica of an application that has others, whose other items are taken as
/// read before and whose rule tables and side images are kept. Edits a copy of the estate's inputs, never the estate.
/// </summary>
internal static class AgentReloads
{
    private const int Reloads = 7;

    public static async Task RunAsync(string estateDirectory, IEnforcer enforcer)
    {
        var copy = Directory.CreateTempSubdirectory("ztap-reload-bench-").FullName;
        try
        {
            var policyFolder = Path.Combine(copy, "policies");
            Directory.CreateDirectory(policyFolder);
            var files = Directory.GetFiles(Path.Combine(estateDirectory, "policies"));
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(policyFolder, Path.GetFileName(file)));
            }

            var inventoryFile = Path.Combine(copy, "inventory.yaml");
            File.Copy(Path.Combine(estateDirectory, "inventory.yaml"), inventoryFile);

            // As old as an inventory the agent finds at start: trusted by its stamp, not hashed at each reload.
            File.SetLastWriteTimeUtc(inventoryFile, DateTime.UtcNow.AddHours(-1));
            var edited = Path.Combine(policyFolder, Path.GetFileName(files.Order(StringComparer.Ordinal).First()));
            var original = await File.ReadAllTextAsync(edited);
            var inventoryText = await File.ReadAllTextAsync(inventoryFile);
            var reader = new Reader(new InventoryFileSource(inventoryFile), policyFolder, enforcer);
            await reader.StartAsync();

            // Widens, then restores, one port range of the first policy.
            var policyEdit = await reader.TimeAsync(reload => File.WriteAllTextAsync(edited, reload % 2 == 1 ? Widened(original) : original));

            // Adds a replica of an application, then removes it again.
            var inventoryEdit = await reader.TimeAsync(reload => File.WriteAllTextAsync(inventoryFile, reload % 2 == 1 ? WithOneMoreReplica(inventoryText) : inventoryText));

            Console.WriteLine($"agent reload of a one-file edit, medians of {Reloads}: {policyEdit}");
            Console.WriteLine($"agent reload of one workload added or removed, medians of {Reloads}: {inventoryEdit}");
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

    // A copy of the first replica of an application, at an address no workload has (the estate's are in 10.0.0.0/16).
    private static string WithOneMoreReplica(string inventory)
    {
        const string First = "  - name: app-000010-0\n";
        var start = inventory.IndexOf(First, StringComparison.Ordinal);
        var end = start < 0 ? -1 : inventory.IndexOf("\n  - ", start + First.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException("the generated inventory has no application app-000010");
        }

        var replica = inventory[start..(end + 1)].Replace("app-000010-0", "app-000010-extra", StringComparison.Ordinal);
        var ips = replica.IndexOf("ips: [", StringComparison.Ordinal);
        replica = string.Concat(replica.AsSpan(0, ips), "ips: [10.250.0.1]", replica.AsSpan(replica.IndexOf(']', ips) + 1));
        return inventory + replica;
    }

    /// <summary>Reads, compiles and installs as the agent does, keeping what the agent keeps from one reload to the next.</summary>
    private sealed class Reader(InventoryFileSource source, string policyFolder, IEnforcer enforcer)
    {
        private readonly PolicyFileCache _cache = new();
        private InventoryLoadResult? _inventory;
        private PolicySet? _set;

        public async Task StartAsync()
        {
            _inventory = await source.LoadAsync(previous: null, CancellationToken.None);
            var policies = await PolicyLoader.LoadAsync([policyFolder], InputLimits.Default, _cache, CancellationToken.None);
            _set = PolicyCompiler.Compile(policies.Policies, _inventory.Inventory);
            await enforcer.ApplyAsync(_set, new EnforcementOptions(), CancellationToken.None);
        }

        /// <summary>Makes each edit and times the reload after it; the medians of read, compile, install and the whole.</summary>
        public async Task<string> TimeAsync(Func<int, Task> edit)
        {
            var stages = new[] { new List<double>(), new List<double>(), new List<double>(), new List<double>() };
            for (var reload = 1; reload <= Reloads; reload++)
            {
                await edit(reload);
                var clock = Stopwatch.StartNew();
                _inventory = await source.LoadAsync(_inventory, CancellationToken.None);
                var policies = await PolicyLoader.LoadAsync([policyFolder], InputLimits.Default, _cache, CancellationToken.None);
                var read = clock.Elapsed.TotalMilliseconds;
                _set = PolicyCompiler.Compile(policies.Policies, _inventory.Inventory, _set);
                var compiled = clock.Elapsed.TotalMilliseconds;
                await enforcer.ApplyAsync(_set, new EnforcementOptions(), CancellationToken.None);
                var installed = clock.Elapsed.TotalMilliseconds;
                stages[0].Add(read);
                stages[1].Add(compiled - read);
                stages[2].Add(installed - compiled);
                stages[3].Add(installed);
            }

            return string.Create(
                CultureInfo.InvariantCulture,
                $"read {Medians.Of(stages[0]):F1} ms, compile {Medians.Of(stages[1]):F1} ms, install {Medians.Of(stages[2]):F1} ms, total {Medians.Of(stages[3]):F1} ms");
        }
    }
}
