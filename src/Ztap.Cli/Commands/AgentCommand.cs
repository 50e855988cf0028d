using System.CommandLine;
using Ztap.Cli.Agent;
using Ztap.Cli.Output;
using Ztap.Enforcement;
using Ztap.Observability.FlowLog;
using Ztap.Observability.Pipeline;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap agent</c>: enforces the policies as <c>ztap enforce</c> does, then stays running:
/// reapplies when the policy or inventory files change, and writes every verdict event to the
/// flow log. Stops on SIGTERM or Ctrl-C, leaving enforcement in place.
/// </summary>
internal static class AgentCommand
{
    public const string Footer = """
        Runs until stopped (SIGTERM, Ctrl-C); enforcement stays in place afterwards. Edits to the
        policy and inventory paths are applied after half a second of quiet; an invalid edit is
        logged with its diagnostics and the version in force stays. Verdict events go to the flow
        log, ZTAP_LOG_DIR (default /var/log/ztap), read it with ztap logs. Prometheus metrics are
        served at http://127.0.0.1:9090/metrics unless --metrics-listen says otherwise (off: not
        served; docs/metrics.md). With --anomaly-model every flow is scored as ztap anomaly score
        scores it: anomalies are logged with their reason, scores exported. State: ZTAP_STATE_DIR;
        pinned objects: ZTAP_PIN_ROOT. --backend picks the backend as enforce does; with nftables the
        denied packets reach the flow log through NFLOG (--log-denied). Under systemd it reports READY once the first version is
        applied (deploy/ztap-agent.service). Needs CAP_BPF, CAP_NET_ADMIN, CAP_SYS_ADMIN.
        Exit codes: 0 stopped, 1 the inputs or model are invalid at start, 2 usage error, 3 a path
        does not exist or the metrics address cannot be listened on, 6 the host refused.

        Examples:
          ztap agent -f examples/policies -i examples/inventory.yaml
          ztap agent -f /etc/ztap/policies -i /etc/ztap/inventory.yaml --mode audit
          ztap agent -f policies -i inventory.yaml --metrics-listen off
          ztap agent -f policies -i inventory.yaml --anomaly-model model.json --anomaly-rules rules.yaml
          ZTAP_LOG_DIR=/tmp/flows ztap agent -f policies -i inventory.yaml --log-file-size 16 --log-files 2
        """;

    public static Command Create(CliConsole console)
    {
        var options = new AgentOptions();
        var command = new Command("agent", "Enforce policies and keep them in force: reapply on change, log every verdict.");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(options.AnomalyRules) is not null && result.GetResult(options.AnomalyModel) is null)
            {
                result.AddError("--anomaly-rules needs --anomaly-model: the rules join the model's detector.");
            }
        });

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var policies = parseResult.GetRequiredValue(options.Policies);
            var inventory = parseResult.GetRequiredValue(options.Inventory);
            if (!InputPaths.AllExist([.. policies, inventory], console))
            {
                return ExitCodes.IoFailure;
            }

            // Watching starts before the first read, so an edit made meanwhile is reloaded too.
            using var watcher = new PolicyWatcher([.. policies, inventory], TimeSpan.FromMilliseconds(500));
            if (await LoadFirstAsync(policies, inventory, console, cancellationToken).ConfigureAwait(false) is not { } inputs)
            {
                return ExitCodes.InvalidOrDenied;
            }

            var (detector, countries, detectorExitCode) = await AgentDetectorInput.LoadAsync(
                parseResult.GetValue(options.AnomalyModel), parseResult.GetValue(options.AnomalyRules), console, cancellationToken).ConfigureAwait(false);
            using var database = countries;
            if (detectorExitCode != ExitCodes.Success)
            {
                return detectorExitCode;
            }

            DurationText.TryParse(parseResult.GetRequiredValue(options.AggregateWindow), out var window);
            var settings = new AgentSettings(
                [.. policies.Select(Path.GetFullPath)],
                Path.GetFullPath(inventory),
                new EnforcementOptions(
                    parseResult.GetValue(options.Mode) == "audit" ? EnforcementMode.Audit : EnforcementMode.Enforce,
                    parseResult.GetValue(options.WholeHost))
                {
                    Workloads = [.. parseResult.GetValue(options.Workload) ?? []],
                },
                parseResult.GetValue(options.Backend) ?? "auto",
                FlowLogLocation.FromEnvironment(),
                new FlowLogLimits((long)parseResult.GetValue(options.LogFileSize) << 20, parseResult.GetValue(options.LogFiles)),
                AggregationLimits.Default with { Window = window },
                ReportInterval: TimeSpan.FromMinutes(1),
                AgentOptions.ParseMetricsListen(parseResult.GetRequiredValue(options.MetricsListen)));
            return await EnforcementRun.ReportingFailuresAsync(
                console,
                () => AgentHost.RunAsync(settings, inputs, watcher, detector, cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The inputs to start from, with their diagnostics written; null when they do not compile.</summary>
    private static async Task<FirstInputs?> LoadFirstAsync(IReadOnlyList<string> policies, string inventory, CliConsole console, CancellationToken cancellationToken)
    {
        var inputs = await PolicyInputs.LoadAsync(policies, inventory, inForce: null, cancellationToken).ConfigureAwait(false);
        DiagnosticText.WriteAll(inputs.Diagnostics, console.Error, console.ErrorPalette);
        if (inputs.Set is null)
        {
            console.Error.WriteLine($"{DiagnosticText.Count(inputs.Diagnostics)}; nothing was applied");
            return null;
        }

        return new FirstInputs(inputs);
    }
}
