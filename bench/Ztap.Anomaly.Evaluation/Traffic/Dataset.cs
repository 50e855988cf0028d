namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>
/// A labelled data set: two weeks of ordinary traffic to train on (so weekly jobs such as the scan are
/// seen twice), then one week to test on with three of each attack injected on random days.
/// </summary>
internal sealed record Dataset(IReadOnlyList<ObservedFlow> Training, IReadOnlyList<LabelledFlow> Test)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static Dataset Generate(int seed, int trainingDays = 14, int testDays = 7)
    {
        var random = new Random(seed);
        var network = new Network(random);
        var benign = new BenignTraffic(network, random);
        var training = new List<LabelledFlow>();
        for (var d = 0; d < trainingDays; d++)
        {
            benign.Day(Start.AddDays(d), training);
        }

        var test = new List<LabelledFlow>();
        for (var d = trainingDays; d < trainingDays + testDays; d++)
        {
            benign.Day(Start.AddDays(d), test);
        }

        var attacks = new AttackInjector(network, random);
        foreach (var kind in Enum.GetValues<AttackKind>().Where(k => k != AttackKind.None))
        {
            for (var i = 0; i < 3; i++)
            {
                attacks.Inject(kind, Start.AddDays(trainingDays + random.Next(testDays)), test);
            }
        }

        return new Dataset(
            [.. training.Select(f => f.Flow).OrderBy(f => f.Timestamp)],
            [.. test.OrderBy(f => f.Flow.Timestamp)]);
    }
}
