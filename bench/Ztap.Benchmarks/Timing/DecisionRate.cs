using System.Diagnostics;
using System.Globalization;

namespace Ztap.Benchmarks.Timing;

/// <summary>
/// Decisions per second on one thread against the compiled 10,000-policy estate of
/// <see cref="DecideBenchmarks"/>, counted per second of the process's CPU time (deciding allocates
/// nothing, so the one deciding thread is all of it): on a machine shared with other work,
/// wall-clock rates say more about the neighbours than about the engine.
/// </summary>
internal static class DecisionRate
{
    private const int Passes = 50;

    public static async Task RunAsync(int rounds)
    {
        var benchmark = new DecideBenchmarks();
        await benchmark.Compile();
        benchmark.Decide();
        var rates = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var start = Cpu();
            var allowed = 0;
            for (var pass = 0; pass < Passes; pass++)
            {
                allowed += benchmark.Decide();
            }

            rates.Add(Passes * (double)DecideBenchmarks.FlowCount / (Cpu() - start).TotalSeconds);
            GC.KeepAlive(allowed);
        }

        rates.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"median of {rounds} rounds: {rates[rates.Count / 2] / 1e6:F2} million decisions per CPU second"));
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
