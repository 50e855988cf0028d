namespace Ztap.Anomaly.Features;

/// <summary>The features read off a single flow, with no memory of other flows.</summary>
internal static class FlowFeatures
{
    public static double LogBytes(ObservedFlow flow) => Math.Log(1 + Math.Max(0, flow.Bytes));

    /// <summary>The hour of the day in UTC with minutes as a fraction, so 02:30 is 2.5.</summary>
    public static double Hour(ObservedFlow flow)
    {
        var time = flow.Timestamp.UtcDateTime.TimeOfDay;
        return time.TotalHours;
    }

    public static void Write(ObservedFlow flow, Span<float> features)
    {
        features[FeatureNames.LogBytes] = (float)LogBytes(flow);
        features[FeatureNames.Port] = flow.Port;
        features[FeatureNames.Protocol] = (float)flow.Protocol;
        features[FeatureNames.Hour] = (float)Hour(flow);
        features[FeatureNames.External] = AddressScope.IsExternal(flow.Destination) ? 1 : 0;
    }
}
