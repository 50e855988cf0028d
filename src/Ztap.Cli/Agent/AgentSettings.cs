using System.Net;
using Ztap.Enforcement;
using Ztap.Observability.FlowLog;
using Ztap.Observability.Pipeline;

namespace Ztap.Cli.Agent;

/// <summary>Everything <c>ztap agent</c> was told: what to enforce and how, where its state and flow log live, and its budgets.</summary>
/// <param name="Backend">The backend asked for: <c>auto</c>, or one by name, as for enforce.</param>
/// <param name="MetricsListen">Where to serve Prometheus metrics; null when turned off.</param>
internal sealed record AgentSettings(
    IReadOnlyList<string> PolicyPaths,
    string InventoryPath,
    EnforcementOptions Enforcement,
    string Backend,
    FlowLogLocation Log,
    FlowLogLimits LogLimits,
    AggregationLimits Aggregation,
    TimeSpan ReportInterval,
    IPEndPoint? MetricsListen);
