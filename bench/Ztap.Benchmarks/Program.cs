using BenchmarkDotNet.Running;
using Ztap.Benchmarks.Generation;

// "generate N DIR" writes an estate for whole-process runs; "apply DIR" times installing one with
// the eBPF backend (root); "scrape DIR" times metrics scrapes of one installed (root); anything
// else runs BenchmarkDotNet.
if (args is ["generate", var count, var directory])
{
    EstateWriter.Write(new Estate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)), directory);
    return;
}

if (args is ["apply", var estate])
{
    await Ztap.Benchmarks.Enforcement.ApplyTimes.RunAsync(estate);
    return;
}

if (args is ["scrape", var installed])
{
    await Ztap.Benchmarks.Metrics.ScrapeTimes.RunAsync(installed);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Estate).Assembly).Run(args);
