using Microsoft.Extensions.Logging;
using Ztap.Anomaly;
using Ztap.Core.Flows;
using Ztap.Observability.Metrics;
using Ztap.Observability.Pipeline;

namespace Ztap.Cli.Agent;

/// <summary>
/// Scores every flow record the pipeline emits with the agent's detector: the score goes to
/// <c>ztap_anomaly_score</c> (when metrics are served), and an anomaly is logged with its reason.
/// Runs on the pipeline's thread, which the detector needs: it sees flows in order, one at a time.
/// </summary>
internal sealed class AnomalyStage(AgentDetector detector, ZtapMetrics? metrics, ILogger logger) : IFlowSink
{
    public void Write(FlowRecord record)
    {
        var flow = ObservedFlow.From(record);
        var result = detector.Detector.Detect(flow);
        metrics?.RecordAnomalyScore(detector.Name, result.Score, result.IsAnomaly);
        if (result.IsAnomaly)
        {
            AgentLog.Anomaly(logger, flow.Source.ToString(), flow.DestinationText, record.Verdict.ToString().ToLowerInvariant(), result.Score, result.Reason);
        }
    }

    public void Flush()
    {
        // Nothing is held: each record is scored as it comes.
    }
}
