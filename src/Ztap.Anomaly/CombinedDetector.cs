namespace Ztap.Anomaly;

/// <summary>
/// Several detectors judging the same flows, such as the forest and the rule detector: a flow scores
/// what its highest-scoring detector gives it, is an anomaly when any detector says so, and its reason
/// joins the reasons of every detector that raised it.
/// </summary>
public sealed class CombinedDetector(IReadOnlyList<IAnomalyDetector> detectors) : IAnomalyDetector
{
    /// <inheritdoc/>
    public AnomalyResult Detect(ObservedFlow flow)
    {
        var results = detectors.Select(d => d.Detect(flow)).ToList();
        var reasons = results.Where(r => r.IsAnomaly && r.Reason.Length > 0).Select(r => r.Reason);
        return new AnomalyResult(results.Max(r => r.Score), results.Any(r => r.IsAnomaly), string.Join("; ", reasons));
    }

    /// <inheritdoc/>
    public void Train(IReadOnlyList<ObservedFlow> flows)
    {
        foreach (var detector in detectors)
        {
            detector.Train(flows);
        }
    }
}
