using System.Collections.Frozen;
using System.Collections.Immutable;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Model;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// Detects anomalies with an Isolation Forest over per-flow or context features. Streaming: each
/// <see cref="Detect"/> updates the bounded per-source windows the next flow is compared with.
/// </summary>
public sealed class ForestDetector : IAnomalyDetector
{
    private static readonly TrafficProfile EmptyProfile = new(
        FrozenDictionary<HostKey, SourceProfile>.Empty,
        FrozenDictionary<PairKey, ByteStats>.Empty,
        FrozenDictionary<SourceService, int>.Empty,
        default);

    private readonly ForestDetectorOptions _options;
    private FeatureExtractor? _extractor;
    private float[] _features = [];

    /// <summary>A detector that must be trained before it detects.</summary>
    public ForestDetector(ForestDetectorOptions options)
    {
        if ((options.Forest.Problem ?? options.Context.Problem) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options;
    }

    internal ForestDetector(AnomalyModel model)
        : this(new ForestDetectorOptions(model.Features, new ForestOptions(model.Forest.Trees.Length, model.Forest.SubsampleSize), model.Context))
    {
        Use(model);
    }

    /// <summary>The trained model, or null before training.</summary>
    internal AnomalyModel? Model { get; private set; }

    /// <summary>Live state held, in window events and tracked services.</summary>
    public int StateSize => _extractor?.StateSize ?? 0;

    /// <inheritdoc/>
    public void Train(IReadOnlyList<ObservedFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        if (flows.Count == 0)
        {
            throw new ArgumentException("training needs at least one flow", nameof(flows));
        }

        var ordered = flows.OrderBy(f => f.Timestamp).ToList();
        var context = _options.Features == FeatureSet.Context;
        var folds = context ? CrossFitting.Build(ordered, _options.Context) : null;
        var extractor = new FeatureExtractor(_options.Features, _options.Context);
        var matrix = new FeatureMatrix(ordered.Count, extractor.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            extractor.Extract(ordered[i], folds?.ProfileFor(i) ?? EmptyProfile, matrix.Row(i));
        }

        var forest = new IsolationForestTrainer(_options.Forest).Train(matrix);
        var scores = new double[matrix.Rows];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = forest.Score(matrix.Row(i));
        }

        Array.Sort(scores);
        var threshold = scores[(int)Math.Min(scores.Length - 1, (1 - _options.AlertRate) * scores.Length)];
        var profile = context ? new TrafficProfileBuilder(_options.Context).Build(ordered) : EmptyProfile;
        Use(new AnomalyModel(_options.Features, _options.Context, forest, profile, threshold, Ranges(matrix)));
    }

    /// <inheritdoc/>
    public AnomalyResult Detect(ObservedFlow flow)
    {
        var model = Model ?? throw new InvalidOperationException("the detector has no model yet; train it or load one");
        var context = _extractor!.Extract(flow, model.Profile, _features);
        var path = RangeExtrapolation.PathLength(model.Forest.MeanPathLength(_features), _features, model.Ranges);
        var score = model.Forest.ScoreOf(path);
        var percent = Math.Round(score * 100, 1);
        return score >= model.Threshold
            ? new AnomalyResult(percent, true, ReasonWriter.Explain(flow, _features, context, model))
            : AnomalyResult.Ordinary(percent);
    }

    private void Use(AnomalyModel model)
    {
        Model = model;
        _extractor = new FeatureExtractor(model.Features, model.Context);
        _features = new float[_extractor.Count];
    }

    private static ImmutableArray<FeatureRange> Ranges(FeatureMatrix matrix)
    {
        var column = new float[matrix.Rows];
        var ranges = ImmutableArray.CreateBuilder<FeatureRange>(matrix.Columns);
        for (var c = 0; c < matrix.Columns; c++)
        {
            for (var r = 0; r < matrix.Rows; r++)
            {
                column[r] = matrix[r, c];
            }

            ranges.Add(FeatureRange.Of(column));
        }

        return ranges.MoveToImmutable();
    }
}
