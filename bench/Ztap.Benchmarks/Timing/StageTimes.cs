using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Ztap.Benchmarks.Generation;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Benchmarks.Timing;

/// <summary>
/// Times loading, validating and compiling a written estate in this process and prints the median of
/// each stage over several runs, as CPU time (every thread of the process, the collector's included),
/// as wall time, and as memory allocated, which does not vary from run to run. Quicker than BenchmarkDotNet, and on a busy machine the CPU time stays
/// meaningful when wall time does not. Each run then does the same work again as <c>ztap check</c>,
/// <c>enforce</c> and the agent do it, reading the inventory and the policies at once before
/// compiling, and that is timed as a whole.
/// </summary>
internal static class StageTimes
{
    public static async Task RunAsync(string directory, int runs)
    {
        // Measured first, while nothing else of this run is alive.
        var retained = RetainedByInventory(directory);
        var stages = new[] { "inventory", "policies", "compile", "total", "together" };
        var cpu = stages.Select(_ => new List<double>()).ToArray();
        var wall = stages.Select(_ => new List<double>()).ToArray();
        var allocated = stages.Select(_ => new List<double>()).ToArray();
        var version = "";
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < runs + 1; run++)
        {
            GC.Collect();
            var marks = new (double Cpu, double Wall, double Allocated)[stages.Length];
            var clock = Stopwatch.StartNew();
            var startCpu = Cpu(process);
            var startBytes = GC.GetTotalAllocatedBytes(precise: true);
            var inventory = await LoadInventoryAsync(directory);
            marks[0] = (Cpu(process) - startCpu, clock.Elapsed.TotalMilliseconds, Allocated(startBytes));
            var policies = await LoadPoliciesAsync(directory);
            marks[1] = (Cpu(process) - startCpu, clock.Elapsed.TotalMilliseconds, Allocated(startBytes));
            version = Compile(policies, inventory).Version;
            marks[2] = (Cpu(process) - startCpu, clock.Elapsed.TotalMilliseconds, Allocated(startBytes));
            marks[3] = marks[2];

            // Dropped so that the second pass starts from the same heap: an async method's locals outlive their last use.
            inventory = null;
            policies = null;
            GC.Collect();
            clock.Restart();
            startCpu = Cpu(process);
            startBytes = GC.GetTotalAllocatedBytes(precise: true);
            var inventoryTask = LoadInventoryAsync(directory);
            var policiesTask = LoadPoliciesAsync(directory);
            Compile(await policiesTask, await inventoryTask);
            marks[4] = (Cpu(process) - startCpu, clock.Elapsed.TotalMilliseconds, Allocated(startBytes));

            // The first run warms up the JIT and is left out.
            for (var stage = 0; run > 0 && stage < stages.Length; stage++)
            {
                var previous = stage is 0 or 3 or 4 ? default : marks[stage - 1];
                cpu[stage].Add(marks[stage].Cpu - previous.Cpu);
                wall[stage].Add(marks[stage].Wall - previous.Wall);
                allocated[stage].Add(marks[stage].Allocated - previous.Allocated);
            }
        }

        Console.WriteLine($"median of {runs} runs, CPU ms (wall ms), MB allocated; version {version}");
        for (var stage = 0; stage < stages.Length; stage++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {stages[stage],-10} {Medians.Of(cpu[stage]),8:F1} ({Medians.Of(wall[stage]):F1}) {Medians.Of(allocated[stage]),8:F1}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  a loaded inventory keeps {retained:F1} MB of managed heap alive"));
    }

    private static Task<InventoryLoadResult> LoadInventoryAsync(string directory) =>
        new InventoryFileSource(Path.Combine(directory, "inventory.yaml"), EstateLimits.Large).LoadAsync(CancellationToken.None);

    private static Task<PolicyLoadResult> LoadPoliciesAsync(string directory) =>
        PolicyLoader.LoadAsync([Path.Combine(directory, "policies")], CancellationToken.None);

    private static PolicySet Compile(PolicyLoadResult policies, InventoryLoadResult inventory) =>
        policies.HasErrors || inventory.HasErrors
            ? throw new InvalidOperationException($"the estate is invalid: {policies.Diagnostics.Concat(inventory.Diagnostics).First()}")
            : PolicyCompiler.Compile(policies.Policies, inventory.Inventory);

    /// <summary>
    /// The managed heap a loaded inventory keeps alive. The text is read without the pooled buffer
    /// the file source uses, which stays in the pool and would be counted too.
    /// </summary>
    private static double RetainedByInventory(string directory)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var inventory = Load(Path.Combine(directory, "inventory.yaml"));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(inventory);
        return (after - before) / (1024.0 * 1024.0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InventoryLoadResult Load(string path) => InventoryFileSource.Parse(File.ReadAllText(path), path, EstateLimits.Large);

    private static double Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static double Allocated(long since) => (GC.GetTotalAllocatedBytes(precise: true) - since) / (1024.0 * 1024.0);
}
