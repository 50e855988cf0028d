using BenchmarkDotNet.Running;
using Ztap.Benchmarks.Generation;

// "generate N DIR" writes an estate for whole-process runs; anything else runs BenchmarkDotNet.
if (args is ["generate", var count, var directory])
{
    EstateWriter.Write(new Estate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)), directory);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Estate).Assembly).Run(args);
