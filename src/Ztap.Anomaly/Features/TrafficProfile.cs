using System.Collections.Frozen;

namespace Ztap.Anomaly.Features;

/// <summary>
/// The baselines learnt in training that context features compare a flow against: per source (hours,
/// usual window counts, bytes), per source-destination pair (how often, how many bytes), per source and service (how often) and overall.
/// Immutable and shared by every detector built from the same model.
/// </summary>
internal sealed class TrafficProfile(
    FrozenDictionary<HostKey, SourceProfile> sources,
    FrozenDictionary<PairKey, ByteStats> pairs,
    FrozenDictionary<SourceService, int> services,
    ByteStats overall,
    double flowScale = 1)
{
    public FrozenDictionary<HostKey, SourceProfile> Sources { get; } = sources;

    public FrozenDictionary<PairKey, ByteStats> Pairs { get; } = pairs;

    /// <summary>Training flows per source and service.</summary>
    public FrozenDictionary<SourceService, int> Services { get; } = services;

    /// <summary>Bytes over all training flows, the baseline for a source never seen.</summary>
    public ByteStats Overall { get; } = overall;

    /// <summary>
    /// What the pair counts are multiplied by to stand for the whole training set: 1 for a profile of
    /// all of it, about 2 for a profile of half the days.
    /// </summary>
    public double FlowScale { get; } = flowScale;
}
