namespace Ztap.Anomaly.Forest;

/// <summary>
/// The normalisation of Isolation Forest (Liu, Ting and Zhou, 2008): c(n), the average path length
/// of an unsuccessful search in a binary search tree of n points. It stands in for the depth a leaf
/// holding n points would have reached had the tree kept growing, and scales scores so that they
/// are comparable across subsample sizes.
/// </summary>
internal static class PathLength
{
    private const double EulerGamma = 0.5772156649015329;

    /// <summary>c(n) = 2 H(n-1) - 2 (n-1) / n, with H(i) approximated by ln(i) + γ; c(1) = 0 and c(2) = 1 exactly.</summary>
    public static double Average(int n) => n switch
    {
        <= 1 => 0,
        2 => 1,
        _ => (2 * (Math.Log(n - 1) + EulerGamma)) - (2.0 * (n - 1) / n),
    };

    /// <summary>The height limit of a tree grown on <paramref name="subsampleSize"/> points: ceil(log2 ψ).</summary>
    public static int HeightLimit(int subsampleSize) =>
        subsampleSize <= 1 ? 0 : (int)Math.Ceiling(Math.Log2(subsampleSize));
}
