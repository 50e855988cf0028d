using System.Globalization;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Model;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// Words an alert of the forest: finds the feature on which the flow lies furthest beyond what training
/// saw, and says it with the numbers behind it, e.g. "10.0.3.7 contacted 240 ports on 10.0.2.5 in 60 s".
/// </summary>
internal static class ReasonWriter
{
    public static string Explain(ObservedFlow flow, ReadOnlySpan<float> features, FlowContext context, AnomalyModel model)
    {
        var (feature, distance) = (-1, double.NegativeInfinity);
        for (var f = 0; f < features.Length; f++)
        {
            var range = model.Ranges[f];
            var away = TwoSided(f) ? Math.Max(range.Above(features[f]), range.Below(features[f])) : range.Above(features[f]);
            if (away > distance)
            {
                (feature, distance) = (f, away);
            }
        }

        var text = model.Features == FeatureSet.Context
            ? Describe(feature, flow, context, model.Context)
            : DescribeFlowOnly(feature, flow);
        return distance > 1 ? text : $"unusual combination of features; closest to the edge: {text}";
    }

    /// <summary>Port, protocol and hour are odd at either end; the other features only when high.</summary>
    private static bool TwoSided(int feature) => feature is FeatureNames.Port or FeatureNames.Protocol or FeatureNames.Hour;

    private static string Describe(int feature, ObservedFlow flow, FlowContext context, ContextOptions options)
    {
        var source = flow.Source;
        var service = flow.DestinationText;
        return feature switch
        {
            FeatureNames.PortsOnDestination or FeatureNames.PortsAboveUsual =>
                $"{source} contacted {context.PortsOnDestination} ports on {flow.Destination} in {Seconds(options.PortWindow)} s "
                + $"(at most {context.UsualPortsOnDestination} in training)",
            FeatureNames.Destinations or FeatureNames.DestinationsAboveUsual =>
                $"{source} contacted {context.Destinations} hosts in {Seconds(options.HostWindow)} s "
                + $"(at most {context.UsualDestinations} in training); latest {service}",
            FeatureNames.Novelty => context.PairFlows == 0
                ? $"{source} contacted {service}, a destination it never used in training"
                : $"{source} contacted {service}, a destination it used only {context.PairFlows} times in training",
            FeatureNames.BytesAboveUsual or FeatureNames.LogBytes => context.UsualBytes > 0
                ? $"{source} sent {ByteSize.Format(flow.Bytes)} to {service}, {Ratio(flow.Bytes, context.UsualBytes)}x its usual {ByteSize.Format(context.UsualBytes)}"
                : $"{source} sent an unusual {ByteSize.Format(flow.Bytes)} to {service}",
            FeatureNames.Regularity =>
                $"{source} contacts {service} every {context.MeanGapSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s like clockwork (beaconing?)",
            FeatureNames.HourRarity or FeatureNames.Hour =>
                $"{source} contacted {service} at {flow.Timestamp.UtcDateTime:HH:mm} UTC, an hour it is rarely active "
                + $"({(context.HourShare * 100).ToString("0.#", CultureInfo.InvariantCulture)} % of its training flows)",
            FeatureNames.External => $"{source} contacted the external address {service}",
            _ => $"{source} used the unusual service {flow.Port}/{ProtocolNames.Format(flow.Protocol)} on {flow.Destination}",
        };
    }

    private static string DescribeFlowOnly(int feature, ObservedFlow flow) => feature switch
    {
        FeatureNames.LogBytes => $"{flow.Source} sent an unusual {ByteSize.Format(flow.Bytes)} to {flow.DestinationText}",
        FeatureNames.Hour => $"{flow.Source} contacted {flow.DestinationText} at {flow.Timestamp.UtcDateTime:HH:mm} UTC, an unusual hour",
        FeatureNames.External => $"{flow.Source} contacted the external address {flow.DestinationText}",
        _ => $"{flow.Source} used the unusual service {flow.Port}/{ProtocolNames.Format(flow.Protocol)} on {flow.Destination}",
    };

    private static string Seconds(TimeSpan window) => window.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    private static string Ratio(long bytes, double usual) =>
        (bytes / usual).ToString(bytes / usual >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
