using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ztap.Anomaly;
using Ztap.Anomaly.Forest;
using Ztap.Cli.Agent;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;
using Ztap.Observability.Metrics;

namespace Ztap.Cli.Tests.Agent;

[Collection(HeapMeasuringCollection.Name)]
public sealed class AnomalyStageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_port_scan_through_the_agent_is_logged_with_its_reason_and_scored_in_the_metrics()
    {
        var metrics = new ZtapMetrics("test");
        var logger = new LinesLogger();
        var stage = new AnomalyStage(new AgentDetector("forest", Trained()), metrics, logger);

        stage.Write(Record(Monday.AddDays(7).AddHours(2), "10.0.1.3", "10.0.2.1", 443, 5000));
        Assert.Empty(logger.Lines);
        var scanStart = Monday.AddDays(7).AddHours(3);
        for (var port = 1; port <= 200; port++)
        {
            stage.Write(Record(scanStart.AddMilliseconds(200 * port), "10.0.1.4", "10.0.2.2", port, 60));
        }

        Assert.Contains(logger.Lines, l => l.StartsWith("anomaly: 10.0.1.4 -> 10.0.2.2:200/TCP (allow) scored ", StringComparison.Ordinal)
            && l.Contains("ports on 10.0.2.2", StringComparison.Ordinal));
        var page = await Scrape(metrics);
        Assert.Matches("""(?m)^ztap_anomalies_total\{detector="forest"\} [1-9]""", page);
        Assert.Matches("""(?m)^ztap_anomaly_scores_count\{detector="forest"\} 201$""", page);
        Assert.Contains("ztap_anomaly_score{detector=\"forest\"} ", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_hour_of_flows_from_a_new_source_each_adds_less_than_20_MB()
    {
        var detector = Trained();
        var stage = new AnomalyStage(new AgentDetector("forest", detector), new ZtapMetrics("test"), NullLogger.Instance);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // 83 flows a second, each from a new source to a new service: every window and the
        // service history fill to the caps the model sets (65,536 events, 32,768 services).
        for (var i = 0; i < 300_000; i++)
        {
            var source = $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}";
            stage.Write(Record(Monday.AddDays(7).AddMilliseconds(12 * i), source, $"172.16.{i % 200}.{i % 250}", 1 + (i % 60_000), 100 + (i % 5000)));
        }

        var added = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(stage);
        Assert.True(added < 20 << 20, $"the anomaly stage holds {added >> 20} MB");
    }

    /// <summary>A forest trained on a week of office traffic: ten hosts, each using two of four services.</summary>
    private static ForestDetector Trained()
    {
        var random = new Random(1);
        var flows = new List<ObservedFlow>();
        for (var day = 0; day < 4; day++)
        {
            for (var i = 0; i < 600; i++)
            {
                var host = 1 + (i % 10);
                var service = (host + random.Next(2)) % 4;
                flows.Add(new ObservedFlow(
                    Monday.AddDays(day).AddSeconds(random.Next(8 * 3600)),
                    IPAddress.Parse($"10.0.1.{host}"),
                    IPAddress.Parse($"10.0.2.{service + 1}"),
                    443 + service,
                    Protocol.Tcp,
                    random.Next(2000, 20000)));
            }
        }

        var detector = new ForestDetector(ForestDetectorOptions.Default with { Forest = new ForestOptions { Seed = 3 } });
        detector.Train(flows);
        return detector;
    }

    private static FlowRecord Record(DateTimeOffset time, string source, string destination, int port, long bytes) => new(
        time, IPAddress.Parse(source), 40000, IPAddress.Parse(destination), port, Protocol.Tcp, bytes,
        Direction.Egress, Verdict.Allow, Enforced: true, Policy: "prod/web-egress", SourceWorkload: "prod/web", DestinationWorkload: null);

    private static async Task<string> Scrape(ZtapMetrics metrics)
    {
        using var page = new MemoryStream();
        await metrics.ExportAsync(page, CancellationToken.None);
        return Encoding.UTF8.GetString(page.ToArray());
    }

    private sealed class LinesLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
