using System.CommandLine;
using System.Net;
using System.Reflection;
using Ztap.Observability.Metrics;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap metrics</c>: serves Prometheus metrics about what is enforced on this host, reading the
/// kernel's counters at every scrape, on loopback unless told otherwise, until interrupted.
/// </summary>
internal static class MetricsCommand
{
    public const string Footer = """
        Serves GET /metrics in the Prometheus text format: the policy set in force, decisions per
        policy counted in the kernel (exact even when flow events are lost), map fill and errors;
        docs/metrics.md lists every metric. The endpoint has no authentication: it listens on
        loopback unless --listen says otherwise. Needs root, like status.
        Exit codes: 130 when interrupted, 2 usage error, 3 the address cannot be listened on,
        6 the host refused to show enforcement.

        Examples:
          ztap metrics
          ztap metrics --listen 127.0.0.1:9100
        """;

    /// <summary>The version <c>ztap_build_info</c> reports.</summary>
    public static string ZtapVersion =>
        typeof(MetricsCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static Command Create(CliConsole console)
    {
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on.", HelpName = "HOST:PORT", DefaultValueFactory = _ => "127.0.0.1:9090" };
        listen.Validators.Add(result =>
        {
            if (!IPEndPoint.TryParse(result.GetValueOrDefault<string>() ?? "", out _))
            {
                result.AddError($"--listen: \"{result.GetValueOrDefault<string>()}\" is not an address and port such as 127.0.0.1:9090 or [::1]:9090");
            }
        });
        var command = new Command("metrics", "Serve Prometheus metrics about enforcement on this host.") { listen };
        command.SetAction((parseResult, cancellationToken) => RunAsync(IPEndPoint.Parse(parseResult.GetRequiredValue(listen)), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IPEndPoint listen, CliConsole console, CancellationToken cancellationToken)
    {
        var enforcer = Backends.Installed(null);
        var metrics = new ZtapMetrics(ZtapVersion);

        // Reading once before listening turns a host that refuses (not root, no BPF) into one clear
        // error and exit code instead of an endpoint that only ever counts errors.
        var readable = await EnforcementRun.ReportingFailuresAsync(
            console, async () => metrics.Observe(await enforcer.StatusAsync(cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        if (readable != ExitCodes.Success)
        {
            return readable;
        }

        metrics.ObserveBeforeEachScrape(enforcer.StatusAsync);
        if (!IPAddress.IsLoopback(listen.Address))
        {
            console.Error.WriteLine($"{console.ErrorPalette.Warning("warning:")} listening on {listen}, beyond this machine; the endpoint has no authentication");
        }

        using var endpoint = new MetricsEndpoint(metrics);
        var address = endpoint.Start(listen);
        console.Out.WriteLine($"serving metrics on http://{address}/metrics; Ctrl-C stops");
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        await endpoint.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Cancelled;
    }
}
