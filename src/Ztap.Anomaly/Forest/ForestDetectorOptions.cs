using Ztap.Anomaly.Features;

namespace Ztap.Anomaly.Forest;

/// <summary>How a <see cref="ForestDetector"/> trains.</summary>
/// <param name="AlertRate">
/// The share of training flows that would have raised an alert; the threshold is set at that quantile of
/// the training scores. The training flows are taken as benign, so this is the false-positive rate aimed at.
/// </param>
public sealed record ForestDetectorOptions(
    FeatureSet Features,
    ForestOptions Forest,
    ContextOptions Context,
    double AlertRate = 0.001)
{
    /// <summary>Context features, the paper's forest with seed 0, and one alert per thousand ordinary flows.</summary>
    public static ForestDetectorOptions Default { get; } = new(FeatureSet.Context, new ForestOptions(), ContextOptions.Default);
}
