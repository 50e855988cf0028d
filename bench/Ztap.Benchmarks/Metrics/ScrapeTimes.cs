using System.Diagnostics;
using System.Globalization;
using Ztap.Benchmarks.Generation;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Ebpf;
using Ztap.Enforcement;
using Ztap.Observability.Metrics;

namespace Ztap.Benchmarks.Metrics;

/// <summary>
/// Times whole scrapes against an estate installed with the eBPF backend (root): reading the status
/// from the kernel (every rule's and policy's per-CPU counters), then taking it into the metrics and
/// rendering the page. Runs against a pin root and state folder of its own and removes them.
/// </summary>
internal static class ScrapeTimes
{
    private const int Scrapes = 21;

    public static async Task RunAsync(string estateDirectory)
    {
        var (policies, inventory) = await WrittenEstate.LoadAsync(estateDirectory);

        var set = PolicyCompiler.Compile(policies, inventory);
        var location = new EbpfLocation("/sys/fs/bpf/ztap-scrape-bench", Directory.CreateTempSubdirectory("ztap-scrape-bench-").FullName);
        var enforcer = new EbpfEnforcer(location);
        try
        {
            await enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
            var metrics = new ZtapMetrics("bench");
            using var page = new MemoryStream();
            var reads = new List<double>();
            var renders = new List<double>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < Scrapes; i++)
            {
                var watch = Stopwatch.StartNew();
                var status = await enforcer.StatusAsync(CancellationToken.None);
                reads.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                metrics.Observe(status);
                page.SetLength(0);
                await metrics.ExportAsync(page, CancellationToken.None);
                renders.Add(watch.Elapsed.TotalMilliseconds);
            }

            var cpuPerScrape = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Scrapes;
            reads.Sort();
            renders.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policies {set.Policies.Length}, rules {set.Rules.Length}, page {page.Length / 1024} KiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"status read from the kernel: median {reads[Scrapes / 2]:F1} ms, max {reads[^1]:F1} ms over {Scrapes}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"observe and render: median {renders[Scrapes / 2]:F1} ms, max {renders[^1]:F1} ms over {Scrapes}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU time (user+sys) per whole scrape: {cpuPerScrape:F1} ms"));
        }
        finally
        {
            await enforcer.RemoveAsync(CancellationToken.None);
            Directory.Delete(location.StateDirectory, recursive: true);
        }
    }
}
