using Microsoft.Extensions.Logging;

namespace Ztap.Cli.Agent;

/// <summary>What the agent writes to its log (journald under systemd), one source-generated message each.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(1, LogLevel.Information, "applied policy version {Version}: {Policies} policies, {Workloads} local workloads, mode {Mode}, {Scope}, in {Milliseconds} ms")]
    public static partial void Applied(ILogger logger, string version, int policies, int workloads, string mode, string scope, long milliseconds);

    [LoggerMessage(2, LogLevel.Information, "policy version {Version} is already in force; nothing to apply")]
    public static partial void Unchanged(ILogger logger, string version);

    [LoggerMessage(3, LogLevel.Error, "the changed policies or inventory are invalid ({Count}); version {Version} stays enforced")]
    public static partial void Invalid(ILogger logger, string count, string version);

    [LoggerMessage(4, LogLevel.Error, "applying the changed policies failed; version {Version} stays enforced: {Reason}")]
    public static partial void ApplyFailed(ILogger logger, string version, string reason);

    /// <summary>A diagnostic of the inputs, printed as every verb prints it and logged at its own level.</summary>
    [LoggerMessage(EventId = 5, Message = "{Diagnostic}")]
    public static partial void Diagnostic(ILogger logger, LogLevel level, string diagnostic);

    [LoggerMessage(6, LogLevel.Information, "watching {Paths} for changes; flow log {Log}")]
    public static partial void Watching(ILogger logger, string paths, string log);

    [LoggerMessage(7, LogLevel.Information, "flows: {Received} events received, {Written} records written, {Dropped} dropped ({QueueDropped} by the pipeline queue, {ReaderDropped} by the ring buffer reader)")]
    public static partial void Flows(ILogger logger, long received, long written, long dropped, long queueDropped, long readerDropped);

    [LoggerMessage(8, LogLevel.Warning, "{Dropped} flow events dropped since the last report: the agent could not keep up; kernel counters (ztap status) stay exact")]
    public static partial void Dropping(ILogger logger, long dropped);

    [LoggerMessage(9, LogLevel.Information, "stopped; policy version {Version} stays enforced")]
    public static partial void Stopped(ILogger logger, string version);

    [LoggerMessage(10, LogLevel.Error, "reading verdict events failed: {Reason}")]
    public static partial void EventsFailed(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Information, "serving metrics on http://{Address}/metrics")]
    public static partial void ServingMetrics(ILogger logger, string address);

    [LoggerMessage(12, LogLevel.Warning, "serving metrics on {Address}, beyond this machine; the endpoint has no authentication")]
    public static partial void MetricsBeyondLoopback(ILogger logger, string address);

    [LoggerMessage(13, LogLevel.Warning, "anomaly: {Source} -> {Destination} ({Verdict}) scored {Score}: {Reason}")]
    public static partial void Anomaly(ILogger logger, string source, string destination, string verdict, double score, string reason);

    [LoggerMessage(14, LogLevel.Information, "backend {Backend}: {Reason}")]
    public static partial void BackendChosen(ILogger logger, string backend, string reason);

    [LoggerMessage(15, LogLevel.Warning, "preparing the datapath for quick updates failed; the next update writes in full: {Reason}")]
    public static partial void PrepareFailed(ILogger logger, string reason);
}
