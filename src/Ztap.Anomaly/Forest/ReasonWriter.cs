using System.Globalization;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Model;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// Words an alert of the forest: names the feature the flow lies furthest out on, preferring one beyond
/// anything seen in training, and says it with the numbers behind it, e.g. "10.0.3.7 contacted 240 ports
/// on 10.0.2.5 in 60 s (at most 3 in training)".
/// </summary>
internal static class ReasonWriter
{
    public static string Explain(ObservedFlow flow, ReadOnlySpan<float> features, FlowContext context, AnomalyModel model)
    {
        var layout = FeatureLayout.Of(model.Features);
        var candidates = new List<(int Feature, double Outside, double Above)>(features.Length);
        for (var f = 0; f < features.Length; f++)
        {
            var range = model.Ranges[f];
            var (outside, above) = (range.Outside(features[f]), range.Above(features[f]));
            if (TwoSided(layout[f]))
            {
                above = Math.Abs(above);
            }
            else if (features[f] < range.Min)
            {
                // Less novelty or fewer ports than ever is no reason for an alert.
                outside = 0;
            }

            candidates.Add((f, outside, above));
        }

        // Beyond anything seen in training comes first, then beyond the 99th percentile; at most two are named.
        var ranked = candidates.OrderByDescending(c => c.Outside).ThenByDescending(c => c.Above).ToList();
        var telling = ranked.Where(c => c.Outside > 0 || c.Above > 1).Take(2).ToList();
        if (telling.Count == 0)
        {
            return $"unusual combination of features, foremost: {Describe(layout[ranked[0].Feature], flow, context, model)}";
        }

        return string.Join("; ", telling.Select(c => Describe(layout[c.Feature], flow, context, model)));
    }

    private static string Describe(FlowFeature feature, ObservedFlow flow, FlowContext context, AnomalyModel model) =>
        model.Features == FeatureSet.Context ? Describe(feature, flow, context, model.Context) : DescribeFlowOnly(feature, flow);

    /// <summary>Port, protocol and hour are odd at either end; every other feature only when high.</summary>
    private static bool TwoSided(FlowFeature feature) => feature is FlowFeature.Port or FlowFeature.Protocol or FlowFeature.Hour;

    private static string Describe(FlowFeature feature, ObservedFlow flow, FlowContext context, ContextOptions options)
    {
        var source = flow.Source;
        var service = flow.DestinationText;
        return feature switch
        {
            FlowFeature.PortsAboveUsual =>
                $"{source} contacted {Count(context.PortsOnDestination, "port")} on {flow.Destination} in {Seconds(options.PortWindow)} s "
                + $"(at most {context.UsualPortsOnDestination} in training)",
            FlowFeature.DestinationsAboveUsual =>
                $"{source} contacted {Count(context.Destinations, "host")} in {Seconds(options.HostWindow)} s "
                + $"(at most {context.UsualDestinations} in training), the latest {service}",
            FlowFeature.DestinationNovelty => context.PairFlows == 0
                ? $"{source} contacted {service}, a destination it never used in training"
                : $"{source} contacted {service}, a destination it used only {Count(context.PairFlows, "time")} in training",
            FlowFeature.ServiceNovelty => context.ServiceFlows == 0
                ? $"{source} contacted {service}, a service it never used in training"
                : $"{source} contacted {service}, a service it used only {Count(context.ServiceFlows, "time")} in training",
            FlowFeature.BytesAboveUsual or FlowFeature.LogBytes =>
                $"{source} sent {ByteSize.Format(flow.Bytes)} to {service}, {Ratio(flow.Bytes, context.UsualBytes)}x its usual {ByteSize.Format(context.UsualBytes)}",
            FlowFeature.VolumeAboveUsual =>
                $"{source} sent {ByteSize.Format(context.PairVolume)} to {flow.Destination} within {Hours(options.VolumeWindow)} "
                + $"(at most {ByteSize.Format(context.UsualPairVolume)} to one destination in training)",
            FlowFeature.Regularity =>
                $"{source} contacts {service} every {context.MeanGapSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s like clockwork, as a beacon does",
            FlowFeature.HoursOutsideUsual =>
                $"{source} contacted {service} at {flow.Timestamp.UtcDateTime:HH:mm} UTC, {context.HoursOutsideUsual} h outside its usual hours",
            _ => DescribeFlowOnly(feature, flow),
        };
    }

    private static string DescribeFlowOnly(FlowFeature feature, ObservedFlow flow) => feature switch
    {
        FlowFeature.LogBytes => $"{flow.Source} sent an unusual {ByteSize.Format(flow.Bytes)} to {flow.DestinationText}",
        FlowFeature.Hour => $"{flow.Source} contacted {flow.DestinationText} at {flow.Timestamp.UtcDateTime:HH:mm} UTC, an unusual hour",
        FlowFeature.ExternalDestination => $"{flow.Source} contacted the external address {flow.DestinationText}",
        _ => $"{flow.Source} used the unusual service {flow.Port}/{ProtocolNames.Format(flow.Protocol)} on {flow.Destination}",
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Hours(TimeSpan window) => window.TotalHours == 1
        ? "an hour"
        : $"{window.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h";

    private static string Seconds(TimeSpan window) => window.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    private static string Ratio(long bytes, double usual) => usual <= 0
        ? "∞"
        : (bytes / usual).ToString(bytes / usual >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
