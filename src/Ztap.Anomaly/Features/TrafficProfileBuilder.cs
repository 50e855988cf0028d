using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace Ztap.Anomaly.Features;

/// <summary>
/// Learns a <see cref="TrafficProfile"/> from training flows in time order. Only the busiest
/// sources and pairs are kept, up to the limits in <see cref="ContextOptions"/>, so a model's size
/// does not grow with the length of its training data.
/// </summary>
internal sealed class TrafficProfileBuilder(ContextOptions options)
{
    /// <summary>Learns from the given flows; <paramref name="flowScale"/> is how many times larger the whole training set is.</summary>
    public TrafficProfile Build(IEnumerable<ObservedFlow> flows, double flowScale = 1)
    {
        var windows = new ContextWindows(options);
        var sources = new Dictionary<HostKey, SourceProfile>();
        var pairs = new Dictionary<PairKey, ByteStats>();
        var services = new Dictionary<SourceService, int>();
        var overall = default(ByteStats);
        foreach (var flow in flows)
        {
            var pair = new PairKey(HostKey.Of(flow.Source), HostKey.Of(flow.Destination));
            var counts = windows.Observe(pair, flow);
            var logBytes = FlowFeatures.LogBytes(flow);
            ref var source = ref CollectionsMarshal.GetValueRefOrAddDefault(sources, pair.Source, out _);
            source ??= new SourceProfile();
            source.Record(flow.Timestamp.UtcDateTime.Hour, logBytes, counts);
            ref var pairBytes = ref CollectionsMarshal.GetValueRefOrAddDefault(pairs, pair, out _);
            pairBytes = pairBytes.Add(logBytes);
            CollectionsMarshal.GetValueRefOrAddDefault(services, new SourceService(pair.Source, SourceService.ServiceOf(flow)), out _)++;
            overall = overall.Add(logBytes);
        }

        return new TrafficProfile(
            Busiest(sources, options.MaxProfiledSources, s => s.Flows),
            Busiest(pairs, options.MaxProfiledPairs, p => p.Count),
            Busiest(services, options.MaxProfiledPairs, count => count),
            overall,
            flowScale);
    }

    private static FrozenDictionary<TKey, TValue> Busiest<TKey, TValue>(
        Dictionary<TKey, TValue> all, int limit, Func<TValue, int> flows)
        where TKey : notnull =>
        all.Count <= limit
            ? all.ToFrozenDictionary()
            : all.OrderByDescending(entry => flows(entry.Value)).Take(limit).ToFrozenDictionary();
}
