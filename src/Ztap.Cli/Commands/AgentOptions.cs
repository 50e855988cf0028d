using System.CommandLine;
using System.Net;
using Ztap.Observability.FlowLog;

namespace Ztap.Cli.Commands;

/// <summary>The options of <c>ztap agent</c>: what to enforce and how, and the flow log's budgets.</summary>
internal sealed class AgentOptions
{
    public Option<string[]> Policies { get; } = CommonOptions.PolicyPaths();

    public Option<string> Inventory { get; } = new("--inventory", "-i")
    {
        Description = "Inventory file; workloads with a cgroup are the ones enforced on this host.",
        HelpName = "FILE",
        Required = true,
    };

    public Option<string> Mode { get; } = EnforceOptions.ModeOption();

    public Option<bool> WholeHost { get; } = new("--whole-host")
    {
        Description = "Allow a workload whose cgroup is / (the root): every process on the host is filtered.",
    };

    public Option<string> Backend { get; } = Backends.Option(withAuto: true, "How to enforce, as for enforce; with nftables, denied packets are logged to feed the flow log.");

    public Option<string[]> Workload { get; } = EnforceOptions.WorkloadOption();

    public Option<int> LogFileSize { get; } = Positive("--log-file-size", "MIB", (int)(FlowLogLimits.DefaultMaxFileBytes >> 20), "Rotate the flow log when its file reaches this many MiB.");

    public Option<int> LogFiles { get; } = Positive("--log-files", "N", FlowLogLimits.DefaultKeptFiles, "Rotated flow log files to keep.", allowZero: true);

    public Option<string> AggregateWindow { get; } = DurationOption();

    public Option<string> MetricsListen { get; } = MetricsListenOption();

    public Option<string> AnomalyModel { get; } = new("--anomaly-model")
    {
        Description = "Score every flow with this model from 'ztap anomaly train'; anomalies are logged and scores exported.",
        HelpName = "FILE",
    };

    public Option<string> AnomalyRules { get; } = new("--anomaly-rules")
    {
        Description = "With --anomaly-model, also apply the rule detector configured in this YAML file.",
        HelpName = "FILE",
    };

    public IEnumerable<Option> All => [Policies, Inventory, Mode, WholeHost, Backend, Workload, LogFileSize, LogFiles, AggregateWindow, MetricsListen, AnomalyModel, AnomalyRules];

    /// <summary>The address to serve metrics on, or null for <c>off</c>; call only on a value the validator accepted.</summary>
    public static IPEndPoint? ParseMetricsListen(string text) => text == "off" ? null : IPEndPoint.Parse(text);

    private static Option<int> Positive(string name, string helpName, int defaultValue, string description, bool allowZero = false)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < (allowZero ? 0 : 1))
            {
                result.AddError($"{name}: {value} is not {(allowZero ? "0 or more" : "1 or more")}.");
            }
        });
        return option;
    }

    /// <summary>An address with a port given: IPEndPoint alone would take "9090" for the address 0.0.35.130.</summary>
    private static bool IsAddressAndPort(string text) =>
        IPEndPoint.TryParse(text, out _) && (text.StartsWith('[') ? text.Contains("]:", StringComparison.Ordinal) : text.Count(c => c == ':') == 1);

    private static Option<string> MetricsListenOption()
    {
        var option = new Option<string>("--metrics-listen")
        {
            Description = "Serve Prometheus metrics at /metrics on this address and port (off: do not serve).",
            HelpName = "HOST:PORT",
            DefaultValueFactory = _ => "127.0.0.1:9090",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>() ?? "";
            if (text != "off" && !IsAddressAndPort(text))
            {
                result.AddError($"--metrics-listen: \"{text}\" is not off or an address and port such as 127.0.0.1:9090 or [::1]:9090");
            }
        });
        return option;
    }

    private static Option<string> DurationOption()
    {
        var option = new Option<string>("--aggregate-window")
        {
            Description = "Fold repeats of a flow and verdict seen within this time into one record (0s: off).",
            HelpName = "DURATION",
            DefaultValueFactory = _ => "1s",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!DurationText.TryParse(text, out var window) || window > TimeSpan.FromMinutes(1))
            {
                result.AddError($"--aggregate-window: \"{text}\" is not a duration from 0s to 1m such as 500ms or 2s.");
            }
        });
        return option;
    }
}
