namespace Ztap.Anomaly.Features;

/// <summary>The features read off a single flow, with no memory of other flows.</summary>
internal static class FlowFeatures
{
    public static double LogBytes(ObservedFlow flow) => Math.Log(1 + Math.Max(0, flow.Bytes));

    /// <summary>Writes the per-flow features into a vector indexed by <see cref="FlowFeature"/>.</summary>
    public static void Write(ObservedFlow flow, Span<float> all)
    {
        all[(int)FlowFeature.LogBytes] = (float)LogBytes(flow);
        all[(int)FlowFeature.Port] = flow.Port;
        all[(int)FlowFeature.Protocol] = (float)flow.Protocol;
        all[(int)FlowFeature.Hour] = (float)flow.Timestamp.UtcDateTime.TimeOfDay.TotalHours;
        all[(int)FlowFeature.ExternalDestination] = AddressScope.IsExternal(flow.Destination) ? 1 : 0;
    }
}
