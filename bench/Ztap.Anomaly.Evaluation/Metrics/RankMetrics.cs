namespace Ztap.Anomaly.Evaluation.Metrics;

/// <summary>How well scores rank attacks above ordinary flows.</summary>
/// <param name="RocAuc">The chance that a random attack flow outscores a random ordinary one (ties count half).</param>
/// <param name="AveragePrecision">The mean precision at the rank of each attack flow, ties ranked pessimistically.</param>
/// <param name="RecallAtOnePercent">The share of attack flows scoring above the score that only 1 % of ordinary flows exceed.</param>
internal sealed record RankMetrics(int Positives, double RocAuc, double AveragePrecision, double RecallAtOnePercent)
{
    public static RankMetrics Compute(IReadOnlyList<(double Score, bool Attack)> scored)
    {
        var positives = scored.Count(s => s.Attack);
        var negatives = scored.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("needs both attack and ordinary flows", nameof(scored));
        }

        return new RankMetrics(positives, Auc(scored, positives, negatives), Precision(scored, positives), Recall(scored));
    }

    private static double Auc(IReadOnlyList<(double Score, bool Attack)> scored, int positives, int negatives)
    {
        // Mann-Whitney U with mid-ranks for ties.
        var ordered = scored.OrderBy(s => s.Score).ToList();
        var rankSum = 0.0;
        for (var i = 0; i < ordered.Count;)
        {
            var (j, attacks) = (i, 0);
            while (j < ordered.Count && ordered[j].Score == ordered[i].Score)
            {
                attacks += ordered[j].Attack ? 1 : 0;
                j++;
            }

            rankSum += (i + j + 1) / 2.0 * attacks;
            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static double Precision(IReadOnlyList<(double Score, bool Attack)> scored, int positives)
    {
        // Within a tie, ordinary flows are placed first, so a detector gains nothing from ties.
        var ordered = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Attack).ToList();
        var (hits, sum) = (0, 0.0);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Attack)
            {
                hits++;
                sum += hits / (double)(i + 1);
            }
        }

        return sum / positives;
    }

    private static double Recall(IReadOnlyList<(double Score, bool Attack)> scored)
    {
        var ordinary = scored.Where(s => !s.Attack).Select(s => s.Score).OrderDescending().ToList();
        var threshold = ordinary[(int)(0.01 * ordinary.Count)];
        var attacks = scored.Where(s => s.Attack).ToList();
        return attacks.Count(s => s.Score > threshold) / (double)attacks.Count;
    }
}
