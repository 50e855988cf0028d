using System.Diagnostics;
using System.Globalization;
using Ztap.Benchmarks.Generation;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf;
using Ztap.Enforcement;

namespace Ztap.Benchmarks.Enforcement;

/// <summary>
/// Times installing an estate with the eBPF backend (root): the first apply, which loads and
/// verifies the datapath and writes every entry, and updates that change one policy, which write
/// only the difference. Runs against a pin root and state folder of its own and removes them.
/// </summary>
internal static class ApplyTimes
{
    private const int Updates = 9;

    public static async Task RunAsync(string estateDirectory)
    {
        var (policies, inventory) = await WrittenEstate.LoadAsync(estateDirectory);

        var compile = Stopwatch.StartNew();
        var set = PolicyCompiler.Compile(policies, inventory);
        compile.Stop();
        var variants = new[] { set, PolicyCompiler.Compile(WrittenEstate.WithOneChange(policies), inventory, set) };

        var imaging = TimeImaging(set);

        var location = new EbpfLocation("/sys/fs/bpf/ztap-apply-bench", Directory.CreateTempSubdirectory("ztap-apply-bench-").FullName);
        var enforcer = new EbpfEnforcer(location);
        try
        {
            var first = await TimeAsync(() => enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None));
            var updates = new List<double>();
            var updateCpu = new List<double>();
            for (var i = 1; i <= Updates; i++)
            {
                var cpu = CpuMilliseconds();
                updates.Add(await TimeAsync(() => enforcer.ApplyAsync(variants[i % 2], new EnforcementOptions(), CancellationToken.None)));
                updateCpu.Add(CpuMilliseconds() - cpu);
            }

            await AgentReloads.RunAsync(estateDirectory, enforcer);

            var compileOne = Stopwatch.StartNew();
            PolicyCompiler.Compile(WrittenEstate.WithOneChange(policies), inventory, set);
            compileOne.Stop();

            updates.Sort();
            updateCpu.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policies {set.Policies.Length}, prefixes {set.Prefixes.Length}, identities {set.Identities.Length}, rules {set.Rules.Length}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compile: {compile.Elapsed.TotalMilliseconds:F0} ms (again, one policy changed: {compileOne.Elapsed.TotalMilliseconds:F0} ms)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imaging (map entries from the set, no kernel): median CPU {imaging.Cpu:F1} ms, {imaging.Megabytes:F1} MB allocated"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first install (load, verify, write everything): {first:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"install of a one-policy change: median {updates[Updates / 2]:F1} ms, max {updates[^1]:F1} ms over {Updates}; CPU median {updateCpu[Updates / 2]:F1} ms"));
        }
        finally
        {
            await enforcer.RemoveAsync(CancellationToken.None);
            Directory.Delete(location.StateDirectory, recursive: true);
        }
    }

    /// <summary>The median CPU time and the allocation of turning the set into map images, the part of every apply that grows with the set.</summary>
    private static (double Cpu, double Megabytes) TimeImaging(PolicySet set)
    {
        var cpu = new List<double>();
        var allocated = 0L;
        for (var run = 0; run < 6; run++)
        {
            var (startCpu, startBytes) = (CpuMilliseconds(), GC.GetTotalAllocatedBytes(precise: true));
            DatapathImage.Build(set, []);
            (allocated, var spent) = (GC.GetTotalAllocatedBytes(precise: true) - startBytes, CpuMilliseconds() - startCpu);
            if (run > 0)
            {
                cpu.Add(spent);
            }
        }

        cpu.Sort();
        return (cpu[cpu.Count / 2], allocated / (1024.0 * 1024.0));
    }

    // Every thread of the process, the collector's included: steadier than wall time on a shared machine.
    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
