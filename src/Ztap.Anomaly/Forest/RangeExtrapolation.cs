using System.Collections.Immutable;
using Ztap.Anomaly.Model;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// Lets a forest see values it was never trained on. Splits are drawn between training values, so a point
/// far beyond a feature's training maximum walks the same path as that maximum, and a feature that never
/// varied in training is never split on at all: a scan of 200 ports from a host that only ever used one
/// would look ordinary. Had the point been in the sample, each node choosing such a feature (one of F
/// features that vary) would have cut it off with probability gap / (range + gap). With p that chance per
/// node, a path of h nodes shortens in expectation to (1 - (1 - p)^h) / p; inside every range p = 0 and the
/// path is the forest's own.
/// </summary>
internal static class RangeExtrapolation
{
    public static double PathLength(double pathLength, ReadOnlySpan<float> point, ImmutableArray<FeatureRange> ranges)
    {
        var (outside, varying) = (0.0, 0);
        for (var f = 0; f < point.Length; f++)
        {
            var range = ranges[f];
            var away = range.Outside(point[f]);
            outside += away;
            varying += range.Max > range.Min || away > 0 ? 1 : 0;
        }

        if (outside == 0)
        {
            return pathLength;
        }

        var p = outside / varying;
        return (1 - Math.Pow(1 - p, pathLength)) / p;
    }
}
