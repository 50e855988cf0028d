namespace Ztap.Benchmarks.Timing;

/// <summary>The middle of repeated measurements: one slow or lucky run does not move it.</summary>
internal static class Medians
{
    public static double Of(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
