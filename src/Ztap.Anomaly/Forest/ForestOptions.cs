namespace Ztap.Anomaly.Forest;

/// <summary>How to grow a forest; the defaults are the paper's (100 trees, ψ = 256).</summary>
/// <param name="Seed">Seeds every random choice, so the same data and seed give the same forest.</param>
public sealed record ForestOptions(int TreeCount = 100, int SubsampleSize = 256, int Seed = 0)
{
    /// <summary>Why these options cannot grow a forest, or null when they can.</summary>
    public string? Problem =>
        TreeCount is < 1 or > 10_000 ? "the tree count must be from 1 to 10000"
        : SubsampleSize is < 2 or > 1 << 20 ? "the subsample size must be from 2 to 1048576"
        : null;
}
