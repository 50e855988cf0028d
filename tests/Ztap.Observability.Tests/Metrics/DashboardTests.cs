using System.Text.Json;
using System.Text.RegularExpressions;
using Ztap.Enforcement;
using Ztap.Observability.Metrics;
using static Ztap.Observability.Tests.Metrics.Statuses;

namespace Ztap.Observability.Tests.Metrics;

public sealed partial class DashboardTests
{
    [Fact]
    public async Task The_grafana_dashboard_queries_only_metrics_ztap_exports()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(DashboardPath()));
        var expressions = Expressions(dashboard.RootElement).ToList();
        var families = (await Exposition.Of(EveryMetricSet())).Families;

        var named = expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet();
        var unknown = named.Where(name => !families.Contains(name) && !families.Contains(HistogramFamily().Replace(name, ""))).ToList();

        Assert.NotEmpty(expressions);
        Assert.Empty(unknown);
        Assert.Contains("ztap_flows_allowed_total", named);
        Assert.Contains("ztap_flows_blocked_total", named);
        Assert.Contains("ztap_anomaly_score", named);
        Assert.Contains("ztap_policy_load_duration_seconds_bucket", named);
        Assert.Contains("ztap_map_entries", named);
        Assert.Contains("ztap_errors_total", named);
    }

    /// <summary>A registry with a value in every family, so each one is rendered.</summary>
    private static ZtapMetrics EveryMetricSet()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, [Counts("prod/a", 1, 1)], new VerdictTotals(1, 1, 0, 1)));
        metrics.RecordApply(new ApplyResult("ebpf", "v1", 1, EnforcementMode.Enforce, [], []), TimeSpan.FromSeconds(1));
        metrics.RecordError("status", "io");
        metrics.RecordAnomalyScore("forest", 50, isAnomaly: true);
        metrics.RecordFlowLogDropped("queue_full", 1);
        return metrics;
    }

    private static IEnumerable<string> Expressions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "expr" or "definition" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var inner in Expressions(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(Expressions))
            {
                yield return inner;
            }
        }
    }

    private static string DashboardPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ztap.slnx")))
            {
                return Path.Combine(directory.FullName, "deploy", "grafana", "ztap-dashboard.json");
            }
        }

        throw new InvalidOperationException($"no Ztap.slnx above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\bztap_[a-z_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex("_(bucket|count|sum)$")]
    private static partial Regex HistogramFamily();
}
