namespace Ztap.Anomaly.Model;

/// <summary>
/// How one feature was spread over the training flows: its extremes, and its 1st percentile, median and
/// 99th percentile. The extremes bound what the forest can see; the percentiles let a reason name the
/// feature a flow is furthest out on.
/// </summary>
internal readonly record struct FeatureRange(float Min, float Low, float Median, float High, float Max)
{
    /// <summary>The range of a column of values, which it sorts.</summary>
    public static FeatureRange Of(float[] values)
    {
        if (values.Length == 0)
        {
            return default;
        }

        Array.Sort(values);
        return new FeatureRange(values[0], At(values, 0.01), At(values, 0.5), At(values, 0.99), values[^1]);
    }

    /// <summary>
    /// How far outside the training extremes a value lies, as gap / (range + gap): 0 inside, towards 1
    /// far outside, and 1 for any other value of a feature that never varied in training.
    /// </summary>
    public double Outside(float value)
    {
        var gap = value > Max ? value - Max : value < Min ? Min - value : 0;
        return gap == 0 ? 0 : gap / ((double)Max - Min + gap);
    }

    /// <summary>How far above the usual a value is, in units of the gap between median and 99th percentile: above 1 is beyond it.</summary>
    public double Above(float value) => (value - Median) / Math.Max(High - Median, 1e-3);

    private static float At(float[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)];
}
