using BenchmarkDotNet.Attributes;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Model;

namespace Ztap.Anomaly.Evaluation.Speed;

/// <summary>
/// Scoring a stream of flows, feature extraction and window updates included, on one thread (the goal is
/// at least 500,000 flows a second). Each invocation streams 200,000 test flows through a fresh detector,
/// so the windows see time move forward as they do in an agent.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmark
{
    private const int Flows = 200_000;

    private ObservedFlow[] _flows = [];
    private AnomalyModel? _model;
    private ForestDetector? _detector;

    [Params(FeatureSet.PerFlow, FeatureSet.Context)]
    public FeatureSet Features { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var trainer = new ForestDetector(ForestDetectorOptions.Default with { Features = Features });
        trainer.Train(BenchmarkData.Training50k());
        _model = trainer.Model;
        _flows = BenchmarkData.Test(Flows);
    }

    [IterationSetup]
    public void FreshDetector() => _detector = new ForestDetector(_model!);

    [Benchmark(OperationsPerInvoke = Flows)]
    public double Detect()
    {
        var total = 0.0;
        foreach (var flow in _flows)
        {
            total += _detector!.Detect(flow).Score;
        }

        return total;
    }
}
