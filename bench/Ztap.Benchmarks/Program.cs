using BenchmarkDotNet.Running;
using Ztap.Benchmarks.Generation;

// "generate N DIR" writes an estate for whole-process runs; "apply DIR" times installing one with
// the eBPF backend (root); "scrape DIR" times metrics scrapes of one installed (root);
// "nflog NETNS DIR RATE SECONDS" reads logged denials (root); "time DIR [RUNS]" times loading
// and compiling a written estate with a stopwatch; "compile DIR [RUNS]" times compiling it alone,
// loaded once, in full and with one policy changed; "decide [ROUNDS]" counts decisions per CPU
// second; anything else runs BenchmarkDotNet.
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

if (args is ["time", var written, .. var rest])
{
    var runs = rest is [var times] ? int.Parse(times, System.Globalization.CultureInfo.InvariantCulture) : 10;
    await Ztap.Benchmarks.Timing.StageTimes.RunAsync(written, runs);
    return;
}

if (args is ["compile", var compiled, .. var compileRest])
{
    var runs = compileRest is [var times] ? int.Parse(times, System.Globalization.CultureInfo.InvariantCulture) : 10;
    await Ztap.Benchmarks.Timing.CompileTimes.RunAsync(compiled, runs);
    return;
}

if (args is ["decide", .. var decideRest])
{
    await Ztap.Benchmarks.Timing.DecisionRate.RunAsync(decideRest is [var rounds] ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args is ["nflog", var netns, var nflogEstate, var rate, var seconds])
{
    await Ztap.Benchmarks.Enforcement.NflogReadRate.RunAsync(netns, nflogEstate, int.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Estate).Assembly).Run(args);
