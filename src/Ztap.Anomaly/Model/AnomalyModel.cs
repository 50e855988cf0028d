using System.Collections.Immutable;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Forest;

namespace Ztap.Anomaly.Model;

/// <summary>
/// Everything a trained forest detector needs to score flows: which features, the context windows,
/// the forest, the traffic profile the features compare against, the alert threshold and the training
/// spread of each feature. Immutable; saved and loaded by <see cref="ModelFile"/>.
/// </summary>
/// <param name="Threshold">The forest score (0-1) at and above which a flow is an anomaly.</param>
internal sealed record AnomalyModel(
    FeatureSet Features,
    ContextOptions Context,
    IsolationForest Forest,
    TrafficProfile Profile,
    double Threshold,
    ImmutableArray<FeatureRange> Ranges);
