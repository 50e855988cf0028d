using System.Diagnostics;
using System.Globalization;
using Ztap.Benchmarks.Generation;
using Ztap.Benchmarks.Timing;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf;
using Ztap.Enforcement;

namespace Ztap.Benchmarks.Enforcement;

/// <summary>
/// Times installing an estate with the eBPF backend (root): the first apply, which loads and
/// verifies the datapath and writes every entry, and updates that change one policy, compiled from
/// the set in force, which write only the difference. Runs against a pin root and state folder of its own and removes them.
/// </summary>
internal static class ApplyTimes
{
    private const int Updates = 9;

    public static async Task RunAsync(string estateDirectory)
    {
        var (policies, inventory) = await WrittenEstate.LoadAsync(estateDirectory);

        // Warm-up first: the native ztap runs precompiled code, so a cold JIT here would only time the JIT.
        PolicyCompiler.Compile(policies, inventory);
        var compile = Stopwatch.StartNew();
        var set = PolicyCompiler.Compile(policies, inventory);
        compile.Stop();

        var imaging = TimeImaging(() => DatapathImage.Build(set, []));
        var earlier = DatapathImage.Build(set, []);
        var edit = PolicyCompiler.Compile(WrittenEstate.WithOnePortMoved(policies), inventory, set);
        var editImaging = TimeImaging(() => DatapathImage.Build(edit, [], earlier));

        var location = new EbpfLocation("/sys/fs/bpf/ztap-apply-bench", Directory.CreateTempSubdirectory("ztap-apply-bench-").FullName);
        var enforcer = new EbpfEnforcer(location);
        try
        {
            await WarmUpFirstInstallAsync(set);
            var first = await TimeAsync(() => enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None));
            var (portMoved, inForce) = await TimeUpdatesAsync(enforcer, set, [policies, WrittenEstate.WithOnePortMoved(policies)]);
            (var ruleAdded, inForce) = await TimeUpdatesAsync(enforcer, inForce, [policies, WrittenEstate.WithOneRuleAdded(policies)]);
            var (policyAdded, _) = await TimeUpdatesAsync(enforcer, inForce, [policies, WrittenEstate.WithOnePolicyAdded(policies)]);

            await AgentReloads.RunAsync(estateDirectory, enforcer);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policies {set.Policies.Length}, prefixes {set.Prefixes.Length}, identities {set.Identities.Length}, rules {set.Rules.Length}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compile: {compile.Elapsed.TotalMilliseconds:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imaging (map entries from the set, no kernel): median CPU {imaging.Cpu:F1} ms, {imaging.Megabytes:F1} MB allocated"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imaging a port moved on the earlier image: median CPU {editImaging.Cpu:F1} ms, {editImaging.Megabytes:F1} MB allocated"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first install (load, verify, write everything): {first:F0} ms; with the compile {compile.Elapsed.TotalMilliseconds + first:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one port moved, medians of {Updates}: {portMoved}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one rule added, medians of {Updates}: {ruleAdded}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one policy added and removed, medians of {Updates}: {policyAdded}"));
        }
        finally
        {
            await enforcer.RemoveAsync(CancellationToken.None);
            Directory.Delete(location.StateDirectory, recursive: true);
        }
    }

    /// <summary>Runs a whole first install into a pin root of its own and removes it, so that the timed one runs warm code.</summary>
    private static async Task WarmUpFirstInstallAsync(PolicySet set)
    {
        var location = new EbpfLocation("/sys/fs/bpf/ztap-apply-bench-warm-up", Directory.CreateTempSubdirectory("ztap-apply-bench-").FullName);
        var enforcer = new EbpfEnforcer(location);
        try
        {
            await enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        }
        finally
        {
            await enforcer.RemoveAsync(CancellationToken.None);
            Directory.Delete(location.StateDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Applies the variants in turn, each compiled from the set in force as the agent compiles an
    /// update, and times compile and install; returns the medians and the set left in force.
    /// </summary>
    private static async Task<(string Medians, PolicySet InForce)> TimeUpdatesAsync(IEnforcer enforcer, PolicySet inForce, IReadOnlyList<NetworkPolicy>[] variants)
    {
        var (compiles, installs, installCpu) = (new List<double>(), new List<double>(), new List<double>());
        for (var update = 1; update <= Updates; update++)
        {
            var clock = Stopwatch.StartNew();
            inForce = PolicyCompiler.Compile(variants[update % variants.Length], inForce.Inventory, inForce);
            compiles.Add(clock.Elapsed.TotalMilliseconds);
            var cpu = CpuMilliseconds();
            var set = inForce;
            installs.Add(await TimeAsync(() => enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None)));
            installCpu.Add(CpuMilliseconds() - cpu);
        }

        return (string.Create(CultureInfo.InvariantCulture, $"compile {Medians.Of(compiles):F1} ms, install {Medians.Of(installs):F1} ms (max {installs.Max():F1}, CPU {Medians.Of(installCpu):F1} ms)"), inForce);
    }

    /// <summary>The median CPU time and the allocation of turning the set into map images, the part of every apply that grows with the set.</summary>
    private static (double Cpu, double Megabytes) TimeImaging(Func<DatapathImage> build)
    {
        var cpu = new List<double>();
        var allocated = 0L;
        for (var run = 0; run < 6; run++)
        {
            var (startCpu, startBytes) = (CpuMilliseconds(), GC.GetTotalAllocatedBytes(precise: true));
            build();
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
