namespace Ztap.Anomaly.Features;

/// <summary>
/// Turns a stream of flows into feature vectors. With <see cref="FeatureSet.Context"/> each flow is
/// set against its source's live windows and a trained <see cref="TrafficProfile"/>, passed with each
/// flow because training compares a flow against a profile learnt from other days (see
/// <see cref="CrossFitting"/>).
/// </summary>
internal sealed class FeatureExtractor
{
    private readonly ContextWindows? _windows;

    public FeatureExtractor(FeatureSet set, ContextOptions options)
    {
        Set = set;
        Count = FeatureNames.Of(set).Length;
        _windows = set == FeatureSet.Context ? new ContextWindows(options) : null;
    }

    public FeatureSet Set { get; }

    /// <summary>The length of the vectors written.</summary>
    public int Count { get; }

    /// <summary>Live state held, in window events and services; constant for per-flow features.</summary>
    public int StateSize => _windows?.Size ?? 0;

    /// <summary>Writes the flow's features and returns the numbers behind them; the profile is ignored for per-flow features.</summary>
    public FlowContext Extract(ObservedFlow flow, TrafficProfile profile, Span<float> features)
    {
        FlowFeatures.Write(flow, features);
        if (_windows is null)
        {
            return default;
        }

        var pair = new PairKey(HostKey.Of(flow.Source), HostKey.Of(flow.Destination));
        var counts = _windows.Observe(pair, flow);
        var logBytes = FlowFeatures.LogBytes(flow);
        var source = profile.Sources.GetValueOrDefault(pair.Source);
        var sourceBytes = source?.Bytes ?? default;
        var pairBytes = profile.Pairs.GetValueOrDefault(pair);

        // A pair seen only once or twice says little about its usual size; the source's habits say more.
        var baseline = pairBytes.Count >= 3 ? pairBytes : sourceBytes.Count >= 3 ? sourceBytes : profile.Overall;
        var hourShare = source is null ? 0 : source.Hours[flow.Timestamp.UtcDateTime.Hour] / (double)source.Flows;
        var regularity = counts.Arrivals.Regularity(ContextOptions.MinimumBeaconGaps, out var meanGap);

        var context = new FlowContext(
            counts.PortsOnDestination,
            source?.MaxPortsOnDestination ?? 0,
            counts.Destinations,
            source?.MaxDestinations ?? 0,
            (int)Math.Round(pairBytes.Count * profile.FlowScale),
            Math.Exp(baseline.Mean) - 1,
            baseline.StandardScore(logBytes),
            regularity,
            meanGap,
            hourShare);

        features[FeatureNames.PortsOnDestination] = (float)Math.Log(1 + context.PortsOnDestination);
        features[FeatureNames.Destinations] = (float)Math.Log(1 + context.Destinations);
        features[FeatureNames.PortsAboveUsual] = (float)Math.Log((1.0 + context.PortsOnDestination) / (1 + context.UsualPortsOnDestination));
        features[FeatureNames.DestinationsAboveUsual] = (float)Math.Log((1.0 + context.Destinations) / (1 + context.UsualDestinations));
        features[FeatureNames.Novelty] = (float)(1.0 / (1 + context.PairFlows));
        features[FeatureNames.BytesAboveUsual] = (float)context.BytesScore;
        features[FeatureNames.Regularity] = (float)context.Regularity;
        features[FeatureNames.HourRarity] = (float)(-Math.Log10(hourShare + 0.001) / 3);
        return context;
    }
}
