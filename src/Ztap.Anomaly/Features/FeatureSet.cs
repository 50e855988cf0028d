namespace Ztap.Anomaly.Features;

/// <summary>Which features a forest sees.</summary>
public enum FeatureSet
{
    /// <summary>Only the flow's own fields: bytes, port, protocol, hour, whether the destination is external.</summary>
    PerFlow,

    /// <summary>The flow's fields plus the source's context: window counts, novelty, byte baseline, regularity, usual hours.</summary>
    Context,
}
