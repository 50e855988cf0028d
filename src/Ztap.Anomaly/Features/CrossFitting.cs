namespace Ztap.Anomaly.Features;

/// <summary>
/// The profiles training features are computed against. Set against a profile that already holds it,
/// every training flow would look known, usual in size and in a usual hour, and the forest would learn
/// that novelty never happens. So the training days are split in two, even and odd days since the first
/// (weekly jobs then fall in both halves), and each flow is compared with the profile of the other half,
/// as a new day's flows are compared with the past. Data spanning a single day is split by alternate flows.
/// </summary>
internal sealed class CrossFitting
{
    private readonly byte[] _folds;
    private readonly TrafficProfile[] _otherHalf;

    private CrossFitting(byte[] folds, TrafficProfile[] otherHalf)
    {
        _folds = folds;
        _otherHalf = otherHalf;
    }

    /// <summary>Splits time-ordered flows into halves and learns a profile of each.</summary>
    public static CrossFitting Build(IReadOnlyList<ObservedFlow> flows, ContextOptions options)
    {
        var folds = new byte[flows.Count];
        if (flows.Count > 0)
        {
            var first = flows[0].Timestamp.UtcDateTime.Date;
            var spansDays = flows[^1].Timestamp.UtcDateTime.Date > first;
            for (var i = 0; i < flows.Count; i++)
            {
                folds[i] = (byte)((spansDays ? (flows[i].Timestamp.UtcDateTime.Date - first).Days : i) & 1);
            }
        }

        var builder = new TrafficProfileBuilder(options);
        var profiles = new TrafficProfile[2];
        for (var fold = 0; fold < 2; fold++)
        {
            var members = flows.Where((_, i) => folds[i] == fold).ToList();
            profiles[fold] = builder.Build(members, members.Count == 0 ? 1 : flows.Count / (double)members.Count);
        }

        return new CrossFitting(folds, [profiles[1], profiles[0]]);
    }

    /// <summary>The profile the flow at <paramref name="index"/> is to be compared with: the other half's.</summary>
    public TrafficProfile ProfileFor(int index) => _otherHalf[_folds[index]];
}
