using Ztap.Core.Flows;

namespace Ztap.Observability.Pipeline;

/// <summary>
/// A stage fed the agent's flow records after aggregation: the flow log, metrics, anomaly detection.
/// Called from one thread, in order; a sink must not block for long, since every sink shares it.
/// </summary>
public interface IFlowSink
{
    void Write(FlowRecord record);

    /// <summary>Called a few times a second and when the agent stops: make what was written durable or visible.</summary>
    void Flush();
}
