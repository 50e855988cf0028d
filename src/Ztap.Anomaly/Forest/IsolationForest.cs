using System.Collections.Immutable;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// A trained Isolation Forest: points that random splits isolate quickly are anomalies. The score
/// is s(x) = 2^(-E(h(x)) / c(ψ)), near 1 for points isolated at once and around 0.5 or below for
/// points deep inside the data.
/// </summary>
internal sealed class IsolationForest
{
    private readonly ForestWalk _walk;
    private readonly double _normaliser;

    public IsolationForest(ImmutableArray<IsolationTree> trees, int subsampleSize, int featureCount)
    {
        if (trees.IsEmpty)
        {
            throw new ArgumentException("a forest needs at least one tree", nameof(trees));
        }

        Trees = trees;
        SubsampleSize = subsampleSize;
        FeatureCount = featureCount;
        _walk = new ForestWalk(trees);
        _normaliser = PathLength.Average(subsampleSize);
    }

    public ImmutableArray<IsolationTree> Trees { get; }

    /// <summary>ψ, the number of points each tree was grown on.</summary>
    public int SubsampleSize { get; }

    public int FeatureCount { get; }

    /// <summary>The anomaly score s(x) in (0, 1].</summary>
    public double Score(ReadOnlySpan<float> point) => ScoreOf(MeanPathLength(point));

    /// <summary>s = 2^(-E(h) / c(ψ)) for a mean path length E(h).</summary>
    public double ScoreOf(double meanPathLength) =>
        // With ψ = 1 every path is 0 and c(1) = 0; every point is then equally (un)remarkable.
        _normaliser == 0 ? 0.5 : Math.Pow(2, -meanPathLength / _normaliser);

    /// <summary>E(h(x)): the path length averaged over the trees.</summary>
    public double MeanPathLength(ReadOnlySpan<float> point)
    {
        if (point.Length != FeatureCount)
        {
            throw new ArgumentException($"expected {FeatureCount} features, got {point.Length}", nameof(point));
        }

        return _walk.TotalPathLength(point) / Trees.Length;
    }
}
