namespace Ztap.Anomaly;

/// <summary>
/// Scores flows for how anomalous they are. Detectors are streaming: <see cref="Detect"/> sees
/// flows in time order and may keep bounded per-source state across calls, so it is not safe to
/// call from several threads at once.
/// </summary>
public interface IAnomalyDetector
{
    /// <summary>Scores one flow, taking the flows seen before it into account.</summary>
    AnomalyResult Detect(ObservedFlow flow);

    /// <summary>Learns what normal traffic looks like from flows in time order, replacing what was learnt before.</summary>
    void Train(IReadOnlyList<ObservedFlow> flows);
}
