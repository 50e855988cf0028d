using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Forest;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Model;

/// <summary>Maps a model to its file form and back, checking on the way back everything a hand-edited file could break.</summary>
internal static class ModelMapper
{
    public static ModelDocument ToDocument(AnomalyModel model)
    {
        var names = FeatureLayout.Of(model.Features).Select(FeatureLayout.Name).ToList();
        var context = model.Context;
        return new ModelDocument(
            ModelFile.Format,
            ModelFile.Version,
            model.Features == FeatureSet.Context ? "context" : "per_flow",
            new ContextDocument(context.PortWindow.TotalSeconds, context.HostWindow.TotalSeconds, context.VolumeWindow.TotalSeconds, context.WindowCapacity,
                context.ServiceCapacity, context.MaxProfiledSources, context.MaxProfiledPairs),
            model.Threshold,
            [.. model.Ranges.Select((r, i) => new RangeDocument(names[i], r.Min, r.Low, r.Median, r.High, r.Max))],
            new ForestDocument(model.Forest.SubsampleSize, [.. model.Forest.Trees.Select(ToDocument)]),
            new ProfileDocument(
                ToDocument(model.Profile.Overall),
                [.. model.Profile.Sources.Select(s => new SourceDocument(
                    s.Key.ToAddress().ToString(), s.Value.Hours.ToArray(), s.Value.MaxPortsOnDestination, s.Value.MaxDestinations,
                    s.Value.MaxPairVolume, ToDocument(s.Value.Bytes)))],
                [.. model.Profile.Pairs.Select(p => new PairDocument(
                    p.Key.Source.ToAddress().ToString(), p.Key.Destination.ToAddress().ToString(), ToDocument(p.Value)))],
                [.. model.Profile.Services.Select(s => new ServiceDocument(
                    s.Key.Source.ToAddress().ToString(), ProtocolNames.Format((Protocol)(s.Key.Service >> 16)), s.Key.Service & 0xFFFF, s.Value))]));
    }

    public static (AnomalyModel? Model, string? Error) FromDocument(ModelDocument document)
    {
        FeatureSet? set = document.Features switch { "context" => FeatureSet.Context, "per_flow" => FeatureSet.PerFlow, _ => null };
        if (set is not { } features)
        {
            return (null, $"unknown feature set \"{document.Features}\"; expected context or per_flow");
        }

        var names = FeatureLayout.Of(features).Select(FeatureLayout.Name).ToList();
        if (document.Ranges.Length != names.Count || document.Ranges.Where((r, i) => r.Feature != names[i]).Any())
        {
            return (null, $"the feature ranges must name {string.Join(", ", names)} in that order");
        }

        var c = document.Context;
        var context = new ContextOptions(TimeSpan.FromSeconds(c.PortWindowSeconds), TimeSpan.FromSeconds(c.HostWindowSeconds), TimeSpan.FromSeconds(c.VolumeWindowSeconds),
            c.WindowCapacity, c.ServiceCapacity, c.MaxProfiledSources, c.MaxProfiledPairs);
        if (context.Problem is { } problem)
        {
            return (null, $"context: {problem}");
        }

        if (new ForestOptions(document.Forest.Trees.Length, document.Forest.SubsampleSize).Problem is { } forestProblem)
        {
            return (null, $"forest: {forestProblem}");
        }

        var trees = ImmutableArray.CreateBuilder<IsolationTree>(document.Forest.Trees.Length);
        foreach (var (tree, index) in document.Forest.Trees.Select((t, i) => (t, i)))
        {
            if (ToTree(tree, names.Count, out var error) is not { } built)
            {
                return (null, $"tree {index}: {error}");
            }

            trees.Add(built);
        }

        if (ToProfile(document.Profile, out var profileError) is not { } profile)
        {
            return (null, $"profile: {profileError}");
        }

        var ranges = document.Ranges.Select(r => new FeatureRange(r.Min, r.Low, r.Median, r.High, r.Max)).ToImmutableArray();
        var forest = new IsolationForest(trees.MoveToImmutable(), document.Forest.SubsampleSize, names.Count);
        return (new AnomalyModel(features, context, forest, profile, document.Threshold, ranges), null);
    }

    private static TreeDocument ToDocument(IsolationTree tree) => new(
        [.. tree.Nodes.Select(n => n.Feature)], [.. tree.Nodes.Select(n => n.Threshold)],
        [.. tree.Nodes.Select(n => n.Left)], [.. tree.Nodes.Select(n => n.Size)]);

    private static BytesDocument ToDocument(ByteStats bytes) => new(bytes.Count, bytes.Sum, bytes.SumOfSquares);

    private static ByteStats ToStats(BytesDocument bytes) => new(bytes.Count, bytes.Sum, bytes.SumOfSquares);

    private static IsolationTree? ToTree(TreeDocument tree, int featureCount, out string? error)
    {
        var count = tree.Feature.Length;
        if (tree.Threshold.Length != count || tree.Left.Length != count || tree.Size.Length != count)
        {
            error = "feature, threshold, left and size must have one entry per node";
            return null;
        }

        var nodes = Enumerable.Range(0, count).Select(i => new IsolationNode(tree.Feature[i], tree.Threshold[i], tree.Left[i], tree.Size[i]));
        return IsolationTree.Create([.. nodes], featureCount, out error);
    }

    private static TrafficProfile? ToProfile(ProfileDocument document, out string? error)
    {
        error = null;
        var sources = new Dictionary<HostKey, SourceProfile>();
        foreach (var source in document.Sources)
        {
            if (!IPAddress.TryParse(source.Address, out var address) || source.Hours.Length != 24 || !sources.TryAdd(HostKey.Of(address),
                new SourceProfile(source.Hours, source.MaxPortsOnDestination, source.MaxDestinations, source.MaxPairVolume, ToStats(source.Bytes))))
            {
                error = $"source \"{source.Address}\" needs a unique address and 24 hour counts";
                return null;
            }
        }

        var pairs = new Dictionary<PairKey, ByteStats>();
        foreach (var pair in document.Pairs)
        {
            if (!IPAddress.TryParse(pair.Source, out var from) || !IPAddress.TryParse(pair.Destination, out var to)
                || !pairs.TryAdd(new PairKey(HostKey.Of(from), HostKey.Of(to)), ToStats(pair.Bytes)))
            {
                error = $"pair {pair.Source} -> {pair.Destination} needs two addresses and must appear once";
                return null;
            }
        }

        var services = new Dictionary<SourceService, int>();
        foreach (var service in document.Services)
        {
            if (!IPAddress.TryParse(service.Source, out var from) || !ProtocolNames.TryParse(service.Protocol, out var protocol)
                || service.Port is < 0 or > 65535 || !services.TryAdd(new SourceService(HostKey.Of(from), SourceService.ServiceOf(protocol, service.Port)), service.Flows))
            {
                error = $"service {service.Source} -> {service.Port}/{service.Protocol} needs an address, a protocol and a port, and must appear once";
                return null;
            }
        }

        return new TrafficProfile(sources.ToFrozenDictionary(), pairs.ToFrozenDictionary(), services.ToFrozenDictionary(), ToStats(document.Overall));
    }
}
