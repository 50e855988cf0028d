namespace Ztap.Anomaly;

/// <summary>A detector's verdict on one flow.</summary>
/// <param name="Score">How anomalous the flow is, from 0 (ordinary) to 100 (as odd as it gets).</param>
/// <param name="IsAnomaly">Whether the score reaches the detector's alert threshold.</param>
/// <param name="Reason">What stood out, in words an operator can act on; empty for an ordinary flow.</param>
public sealed record AnomalyResult(double Score, bool IsAnomaly, string Reason)
{
    /// <summary>The verdict on a flow nothing stood out in.</summary>
    public static AnomalyResult Ordinary(double score) => new(score, false, "");
}
