using System.Diagnostics;
using System.Globalization;
using Ztap.Anomaly.Evaluation.Metrics;
using Ztap.Anomaly.Evaluation.Traffic;

namespace Ztap.Anomaly.Evaluation;

/// <summary>Trains each detector on the training weeks, scores the test week in time order, and prints the metrics table.</summary>
internal sealed class Evaluation(Dataset data, TextWriter output)
{
    /// <summary>Evaluates one detector; with <paramref name="falsePositives"/> > 0, also lists the ordinary flows it ranked highest, and why.</summary>
    public void Run(string name, IAnomalyDetector detector, int falsePositives = 0)
    {
        var clock = Stopwatch.StartNew();
        detector.Train(data.Training);
        var trained = clock.Elapsed;
        var results = data.Test.Select(f => detector.Detect(f.Flow)).ToList();
        var scored = results.Select((r, i) => (r.Score, data.Test[i].Kind)).ToList();
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
        var worst = results.Select((r, i) => (Result: r, data.Test[i].Flow, data.Test[i].Kind))
            .Where(r => r.Kind == AttackKind.None).OrderByDescending(r => r.Result.Score).Take(falsePositives);
        foreach (var (result, flow, _) in worst)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {result.Score,5:0.0} {flow.Timestamp:ddd HH:mm:ss} {result.Reason}"));
        }
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
