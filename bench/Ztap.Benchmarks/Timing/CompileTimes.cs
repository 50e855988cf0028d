using System.Diagnostics;
using System.Globalization;
using Ztap.Benchmarks.Generation;
using Ztap.Core.Compiler;

namespace Ztap.Benchmarks.Timing;

/// <summary>
/// Times compiling a written estate that is loaded once: a full compile, and compiles of the same
/// estate with one policy changed given the previous set, as an update does: a port moved (an edit
/// in place), a rule added (which moves every later rule) and a policy added (which moves every later
/// policy). Prints medians of CPU time (every thread, the
/// collector's included), wall time and memory allocated, so compiler changes can be measured
/// without the minutes loading a large estate again and again would take.
/// </summary>
internal static class CompileTimes
{
    public static async Task RunAsync(string directory, int runs)
    {
        var (policies, inventory) = await WrittenEstate.LoadAsync(directory);

        var full = Measure(runs, () => PolicyCompiler.Compile(policies, inventory));
        var set = PolicyCompiler.Compile(policies, inventory);
        var moved = WrittenEstate.WithOnePortMoved(policies);
        var portMoved = Measure(runs, () => PolicyCompiler.Compile(moved, inventory, set));
        var added = WrittenEstate.WithOneRuleAdded(policies);
        var ruleAdded = Measure(runs, () => PolicyCompiler.Compile(added, inventory, set));
        var policyAdded = WrittenEstate.WithOnePolicyAdded(policies);
        var policyAddedTime = Measure(runs, () => PolicyCompiler.Compile(policyAdded, inventory, set));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policies {set.Policies.Length}, prefixes {set.Prefixes.Length}, identities {set.Identities.Length}, rules {set.Rules.Length}; version {set.Version}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {runs} runs, CPU ms (wall ms), MB allocated"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  compile            {full.Cpu,8:F1} ({full.Wall:F1}) {full.Allocated,8:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one port moved     {portMoved.Cpu,8:F1} ({portMoved.Wall:F1}) {portMoved.Allocated,8:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one rule added     {ruleAdded.Cpu,8:F1} ({ruleAdded.Wall:F1}) {ruleAdded.Allocated,8:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one policy added   {policyAddedTime.Cpu,8:F1} ({policyAddedTime.Wall:F1}) {policyAddedTime.Allocated,8:F1}"));
    }

    private static (double Cpu, double Wall, double Allocated) Measure(int runs, Func<PolicySet> compile)
    {
        var cpu = new List<double>();
        var wall = new List<double>();
        var allocated = new List<double>();
        using var process = Process.GetCurrentProcess();

        // The first run warms up the JIT and is left out.
        for (var run = 0; run < runs + 1; run++)
        {
            GC.Collect();
            process.Refresh();
            var startCpu = process.TotalProcessorTime.TotalMilliseconds;
            var startBytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(compile());
            var elapsed = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            if (run > 0)
            {
                cpu.Add(process.TotalProcessorTime.TotalMilliseconds - startCpu);
                wall.Add(elapsed);
                allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - startBytes) / (1024.0 * 1024.0));
            }
        }

        return (Medians.Of(cpu), Medians.Of(wall), Medians.Of(allocated));
    }
}
