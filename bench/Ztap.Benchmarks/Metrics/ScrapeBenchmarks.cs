using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Ztap.Enforcement;
using Ztap.Observability.Metrics;

namespace Ztap.Benchmarks.Metrics;

/// <summary>
/// The cost of one scrape after the kernel has been read: taking a status with every policy's
/// counters into the metrics and rendering the /metrics page. Successive scrapes see grown counters,
/// as real ones do (the statuses are built beforehand, so building them is not measured).
/// </summary>
[MemoryDiagnoser]
public class ScrapeBenchmarks
{
    private readonly MemoryStream _page = new();
    private ZtapMetrics _metrics = null!;
    private EnforcementStatus[] _statuses = [];
    private int _scrape;

    [Params(100, 10_000)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var names = Enumerable.Range(0, Policies).Select(i => $"tenant-{i / 50}/app-{i}-ingress").ToList();
        _statuses = [.. Enumerable.Range(1, 16).Select(scrape => Status(names, (ulong)scrape))];
        _metrics = new ZtapMetrics("1.0.0");
        _metrics.Observe(_statuses[0]);
    }

    [Benchmark(Baseline = true)]
    public long Scrape()
    {
        _metrics.Observe(_statuses[++_scrape % _statuses.Length]);
        _page.SetLength(0);
        _metrics.ExportAsync(_page, CancellationToken.None).GetAwaiter().GetResult();
        return _page.Length;
    }

    /// <summary>Rendering alone, counters unchanged: what the page costs without taking in a status.</summary>
    [Benchmark]
    public long Render()
    {
        _page.SetLength(0);
        _metrics.ExportAsync(_page, CancellationToken.None).GetAwaiter().GetResult();
        return _page.Length;
    }

    private static EnforcementStatus Status(List<string> names, ulong scrape)
    {
        var policies = names.Select((name, i) => new PolicyCounters(name, scrape * (ulong)i, 0, scrape, 0)).ToImmutableArray();
        return new EnforcementStatus(
            "ebpf",
            true,
            "v1",
            1,
            DateTimeOffset.UnixEpoch,
            EnforcementMode.Enforce,
            [],
            [],
            [new MapFill("ipcache", 100_000, 262_144)],
            policies,
            new VerdictTotals(scrape, scrape, 0, 0));
    }
}
