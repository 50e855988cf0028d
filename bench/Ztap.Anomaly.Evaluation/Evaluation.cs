using System.Diagnostics;
using System.Globalization;
using Ztap.Anomaly.Evaluation.Metrics;
using Ztap.Anomaly.Evaluation.Traffic;

namespace Ztap.Anomaly.Evaluation;

/// <summary>Trains each detector on the training weeks, scores the test week in time order, and prints the metrics table.</summary>
internal sealed class Evaluation(Dataset data, TextWriter output)
{
    public void Run(string name, IAnomalyDetector detector)
    {
        var clock = Stopwatch.StartNew();
        detector.Train(data.Training);
        var trained = clock.Elapsed;
        var scored = data.Test.Select(f => (Score: detector.Detect(f.Flow).Score, f.Kind)).ToList();
        var scoredIn = clock.Elapsed - trained;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | all | {Row(RankMetrics.Compute([.. scored.Select(s => (s.Score, s.Kind != AttackKind.None))]))} |"));
        foreach (var kind in Enum.GetValues<AttackKind>().Where(k => k != AttackKind.None))
        {
            var subset = scored.Where(s => s.Kind == AttackKind.None || s.Kind == kind).Select(s => (s.Score, s.Kind == kind)).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| | {kind} | {Row(RankMetrics.Compute(subset))} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| | (trained in {trained.TotalSeconds:0.0} s, scored {data.Test.Count} flows in {scoredIn.TotalSeconds:0.0} s) | | | | |"));
    }

    public static void WriteHeader(Dataset data, TextWriter output)
    {
        var attacks = data.Test.Count(f => f.Kind != AttackKind.None);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training: {data.Training.Count} flows; test: {data.Test.Count} flows, {attacks} of them attack flows"));
        output.WriteLine();
        output.WriteLine("| detector | attack kind | attack flows | ROC AUC | average precision | recall at 1 % FP |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
    }

    private static string Row(RankMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Positives} | {m.RocAuc:0.000} | {m.AveragePrecision:0.000} | {m.RecallAtOnePercent:0.000}");
}
