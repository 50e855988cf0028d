using System.Collections.Immutable;

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
    private readonly ImmutableArray<FlowFeature> _layout;

    public FeatureExtractor(FeatureSet set, ContextOptions options)
    {
        _layout = FeatureLayout.Of(set);
        _windows = set == FeatureSet.Context ? new ContextWindows(options) : null;
    }

    /// <summary>The length of the vectors written.</summary>
    public int Count => _layout.Length;

    /// <summary>Live state held, in window events and services; constant for per-flow features.</summary>
    public int StateSize => _windows?.Size ?? 0;

    /// <summary>Writes the flow's features and returns the numbers behind them; the profile is ignored for per-flow features.</summary>
    public FlowContext Extract(ObservedFlow flow, TrafficProfile profile, Span<float> features)
    {
        Span<float> all = stackalloc float[FeatureLayout.FeatureCount];
        FlowFeatures.Write(flow, all);
        var context = _windows is null ? default : AddContext(flow, profile, _windows, all);
        for (var i = 0; i < _layout.Length; i++)
        {
            features[i] = all[(int)_layout[i]];
        }

        return context;
    }

    private static FlowContext AddContext(ObservedFlow flow, TrafficProfile profile, ContextWindows windows, Span<float> all)
    {
        var pair = new PairKey(HostKey.Of(flow.Source), HostKey.Of(flow.Destination));
        var counts = windows.Observe(pair, flow);
        var source = profile.Sources.GetValueOrDefault(pair.Source);
        var sourceBytes = source?.Bytes ?? default;
        var pairBytes = profile.Pairs.GetValueOrDefault(pair);
        var serviceFlows = profile.Services.GetValueOrDefault(new SourceService(pair.Source, SourceService.ServiceOf(flow)));

        // A pair seen only once or twice says little about its usual size; the source's habits say more.
        var baseline = pairBytes.Count >= 3 ? pairBytes : sourceBytes.Count >= 3 ? sourceBytes : profile.Overall;
        var regularity = counts.Arrivals.Regularity(ContextOptions.MinimumBeaconGaps, out var meanGap);

        var context = new FlowContext(
            counts.PortsOnDestination,
            source?.MaxPortsOnDestination ?? 0,
            counts.Destinations,
            source?.MaxDestinations ?? 0,
            (int)Math.Round(pairBytes.Count * profile.FlowScale),
            (int)Math.Round(serviceFlows * profile.FlowScale),
            Math.Exp(baseline.Mean) - 1,
            baseline.StandardScore(FlowFeatures.LogBytes(flow)),
            counts.PairVolume,
            source?.MaxPairVolume ?? 0,
            regularity,
            meanGap,
            source?.HoursOutsideUsual(flow.Timestamp.UtcDateTime.Hour) ?? 12);

        all[(int)FlowFeature.PortsAboveUsual] = (float)Math.Log((1.0 + context.PortsOnDestination) / (1 + context.UsualPortsOnDestination));
        all[(int)FlowFeature.DestinationsAboveUsual] = (float)Math.Log((1.0 + context.Destinations) / (1 + context.UsualDestinations));
        all[(int)FlowFeature.DestinationNovelty] = (float)(1.0 / (1 + context.PairFlows));
        all[(int)FlowFeature.ServiceNovelty] = (float)(1.0 / (1 + context.ServiceFlows));
        all[(int)FlowFeature.BytesAboveUsual] = (float)context.BytesScore;
        all[(int)FlowFeature.VolumeAboveUsual] = (float)Math.Log((1.0 + context.PairVolume) / (1.0 + context.UsualPairVolume));
        all[(int)FlowFeature.Regularity] = (float)context.Regularity;
        all[(int)FlowFeature.HoursOutsideUsual] = context.HoursOutsideUsual;
        return context;
    }
}
