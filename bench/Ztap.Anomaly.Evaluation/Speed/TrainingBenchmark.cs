using BenchmarkDotNet.Attributes;
using Ztap.Anomaly.Features;
using Ztap.Anomaly.Forest;

namespace Ztap.Anomaly.Evaluation.Speed;

/// <summary>Training 100 trees on 50,000 flows, feature extraction included (the goal is under 1 s).</summary>
[MemoryDiagnoser]
public class TrainingBenchmark
{
    private IReadOnlyList<ObservedFlow> _flows = [];

    [Params(FeatureSet.PerFlow, FeatureSet.Context)]
    public FeatureSet Features { get; set; }

    [GlobalSetup]
    public void Setup() => _flows = BenchmarkData.Training50k();

    [Benchmark]
    public void Train100TreesOn50kFlows() =>
        new ForestDetector(ForestDetectorOptions.Default with { Features = Features }).Train(_flows);
}
