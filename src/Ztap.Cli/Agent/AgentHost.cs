using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Ebpf;
using Ztap.Observability.FlowLog;
using Ztap.Observability.Pipeline;

namespace Ztap.Cli.Agent;

/// <summary>
/// Builds and runs the agent as a .NET generic host: systemd-aware (READY and STOPPING are
/// notified, logs carry journald priorities), stopped by SIGTERM or Ctrl-C. The stages the flow
/// records and apply results are fanned out to are assembled here; metrics and anomaly detection
/// join the flow log in these lists.
/// </summary>
internal static class AgentHost
{
    /// <param name="watcher">Created before the initial set was read, so no edit since then goes unnoticed.</param>
    public static async Task RunAsync(AgentSettings settings, PolicySet initial, PolicyWatcher watcher, CancellationToken cancellationToken)
    {
        // The first apply comes before the host starts: a refusal is reported like enforce reports
        // it, and systemd hears READY only once a version is in force.
        // The flow log opens first too: a log folder ztap may not write stops it before anything changes.
        using var flowLog = new FlowLogWriter(settings.Log, settings.LogLimits);
        var enforcer = new EbpfEnforcer(settings.Location);
        var started = Stopwatch.StartNew();
        var applied = await enforcer.ApplyAsync(initial, settings.Enforcement, cancellationToken).ConfigureAwait(false);
        var first = new InitialApply(initial, applied, started.Elapsed);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSystemd();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });

        IReadOnlyList<IFlowSink> sinks = [flowLog];
        IReadOnlyList<IApplyObserver> observers = [];
        var pipeline = new FlowPipeline(sinks, settings.Aggregation);

        builder.Services.AddSingleton<IHostedService>(services => new AgentWorker(
            settings,
            enforcer,
            first,
            pipeline,
            observers,
            watcher,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("ztap.agent")));

        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
