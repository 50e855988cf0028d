using BenchmarkDotNet.Running;
using Ztap.Benchmarks.Generation;

// "generate N DIR" writes an estate for whole-process runs; "apply DIR" times installing one with
// the eBPF backend (root); "nflog NETNS DIR RATE SECONDS" reads logged denials (root); anything
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

if (args is ["nflog", var netns, var nflogEstate, var rate, var seconds])
{
    await Ztap.Benchmarks.Enforcement.NflogReadRate.RunAsync(netns, nflogEstate, int.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Estate).Assembly).Run(args);
