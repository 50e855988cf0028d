using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Ztap.Cli.Commands;
using Ztap.Core.Compiler;
using Ztap.Enforcement;
using Ztap.Observability.FlowLog;
using Ztap.Observability.Metrics;
using Ztap.Observability.Pipeline;

namespace Ztap.Cli.Agent;

/// <summary>
/// Builds and runs the agent as a .NET generic host: systemd-aware (READY and STOPPING are
/// notified, logs carry journald priorities), stopped by SIGTERM or Ctrl-C. The stages the flow
/// records and apply results are fanned out to are assembled here: the flow log, the metrics
/// endpoint unless it is turned off, and anomaly detection when a model is given.
/// </summary>
internal static class AgentHost
{
    /// <param name="watcher">Created before the initial set was read, so no edit since then goes unnoticed.</param>
    /// <param name="detector">Scores every flow record; null when no model was given.</param>
    public static async Task RunAsync(AgentSettings settings, FirstInputs inputs, PolicyWatcher watcher, AgentDetector? detector, CancellationToken cancellationToken)
    {
        // The flow log and the metrics address open before the first apply: a log folder ztap may
        // not write or an address taken stops the agent before anything changes.
        using var flowLog = new FlowLogWriter(settings.Log, settings.LogLimits);
        var choice = BackendSelection.Choose(settings.Backend, inputs.Set);
        var enforcer = Backends.Create(choice.Backend);
        var enforcement = AgentEnforcement.For(choice.Backend, settings.Enforcement);
        var metrics = settings.MetricsListen is null ? null : new ZtapMetrics(MetricsCommand.ZtapVersion);
        using var endpoint = metrics is null ? null : new MetricsEndpoint(metrics);
        var serving = settings.MetricsListen is { } listen ? endpoint!.Start(listen) : null;

        IReadOnlyList<IApplyObserver> observers = metrics is null ? [] : [new ApplyMetrics(metrics, enforcer)];

        // The first apply comes before the host starts: a refusal is reported like enforce reports
        // it, and systemd hears READY only once a version is in force.
        foreach (var observer in observers)
        {
            await observer.ApplyingAsync(cancellationToken).ConfigureAwait(false);
        }

        var started = Stopwatch.StartNew();
        var applied = await enforcer.ApplyAsync(inputs.Set, enforcement, cancellationToken).ConfigureAwait(false);
        InstalledBackend.Write(ZtapStateDirectory.FromEnvironment(), applied.Backend);
        var first = new InitialApply(inputs, applied, started.Elapsed);

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

        builder.Services.AddSingleton<IHostedService>(services =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ztap.agent");
            IReadOnlyList<IFlowSink> sinks = detector is null ? [flowLog] : [flowLog, new AnomalyStage(detector, metrics, logger)];
            var pipeline = new FlowPipeline(sinks, settings.Aggregation);
            AgentLog.BackendChosen(logger, choice.Backend, choice.Reason);
            var worker = new AgentWorker(settings with { Enforcement = enforcement }, enforcer, first, pipeline, observers, watcher, logger);
            metrics?.CountFlowLogDroppedBeforeEachScrape("queue_full", () => pipeline.Dropped);
            metrics?.CountFlowLogDroppedBeforeEachScrape("reader_queue_full", () => worker.ReaderDropped);
            return worker;
        });

        using var host = builder.Build();
        using var stopServing = new CancellationTokenSource();
        var scrapes = Task.CompletedTask;
        if (metrics is not null)
        {
            metrics.ObserveBeforeEachScrape(enforcer.StatusAsync);
            scrapes = Serve(endpoint!, serving!, host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ztap.agent"), stopServing.Token);
        }

        try
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopServing.CancelAsync().ConfigureAwait(false);
            await scrapes.ConfigureAwait(false);
        }
    }

    private static Task Serve(MetricsEndpoint endpoint, IPEndPoint address, ILogger logger, CancellationToken cancellationToken)
    {
        if (!IPAddress.IsLoopback(address.Address))
        {
            AgentLog.MetricsBeyondLoopback(logger, address.ToString());
        }

        AgentLog.ServingMetrics(logger, address.ToString());
        return Task.Run(() => endpoint.RunAsync(cancellationToken), CancellationToken.None);
    }
}
