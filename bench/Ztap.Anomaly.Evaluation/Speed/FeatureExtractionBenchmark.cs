using BenchmarkDotNet.Attributes;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Model;

namespace Ztap.Anomaly.Evaluation.Speed;

/// <summary>Context feature extraction alone, the share of scoring that is not the forest's walk.</summary>
[MemoryDiagnoser]
public class FeatureExtractionBenchmark
{
    private const int Flows = 200_000;

    private ObservedFlow[] _flows = [];
    private AnomalyModel? _model;
    private FeatureExtractor? _extractor;
    private readonly float[] _features = new float[FeatureLayout.Context.Length];

    [GlobalSetup]
    public void Setup()
    {
        var trainer = new ForestDetector(ForestDetectorOptions.Default);
        trainer.Train(BenchmarkData.Training50k());
        _model = trainer.Model;
        _flows = BenchmarkData.Test(Flows);
    }

    [IterationSetup]
    public void FreshWindows() => _extractor = new FeatureExtractor(FeatureSet.Context, _model!.Context);

    [Benchmark(OperationsPerInvoke = Flows)]
    public float Extract()
    {
        var total = 0f;
        foreach (var flow in _flows)
        {
            _extractor!.Extract(flow, _model!.Profile, _features);
            total += _features[0];
        }

        return total;
    }
}
