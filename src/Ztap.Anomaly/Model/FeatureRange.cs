namespace Ztap.Anomaly.Model;

/// <summary>
/// How one feature was spread over the training flows (1st percentile, median, 99th percentile), so a
/// reason can name the feature a flow is furthest out on.
/// </summary>
internal readonly record struct FeatureRange(float Low, float Median, float High)
{
    /// <summary>The range of a column of values, which it sorts.</summary>
    public static FeatureRange Of(float[] values)
    {
        if (values.Length == 0)
        {
            return default;
        }

        Array.Sort(values);
        return new FeatureRange(At(values, 0.01), At(values, 0.5), At(values, 0.99));
    }

    /// <summary>How far above the usual a value is, in units of the gap between median and 99th percentile: above 1 is beyond it.</summary>
    public double Above(float value) => (value - Median) / Math.Max(High - Median, 1e-3);

    /// <summary>The same below the median, in units of the gap down to the 1st percentile.</summary>
    public double Below(float value) => (Median - value) / Math.Max(Median - Low, 1e-3);

    private static float At(float[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)];
}
