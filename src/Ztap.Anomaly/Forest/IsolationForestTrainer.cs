using System.Collections.Immutable;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// Grows an Isolation Forest: each tree gets ψ points drawn without replacement and splits them at
/// random, on a random feature at a uniformly drawn value between that feature's minimum and maximum
/// there, until a point is alone or the height limit ceil(log2 ψ) is reached.
/// </summary>
internal sealed class IsolationForestTrainer(ForestOptions options)
{
    public IsolationForest Train(FeatureMatrix data)
    {
        if (options.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (data.Rows == 0)
        {
            throw new ArgumentException("cannot grow a forest on no points", nameof(data));
        }

        var random = new Random(options.Seed);
        var subsample = Math.Min(options.SubsampleSize, data.Rows);
        var heightLimit = PathLength.HeightLimit(subsample);
        var order = new int[data.Rows];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var trees = ImmutableArray.CreateBuilder<IsolationTree>(options.TreeCount);
        var grower = new TreeGrower(data, random, heightLimit);
        for (var t = 0; t < options.TreeCount; t++)
        {
            // A partial Fisher-Yates shuffle draws ψ distinct rows; the rest of the array stays a
            // permutation, so it is reused for the next tree without resetting.
            for (var i = 0; i < subsample; i++)
            {
                var j = random.Next(i, order.Length);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var nodes = grower.Grow(order.AsSpan(0, subsample));
            trees.Add(IsolationTree.Create(nodes, data.Columns, out var error)
                ?? throw new InvalidOperationException($"grew an invalid tree: {error}"));
        }

        return new IsolationForest(trees.MoveToImmutable(), subsample, data.Columns);
    }
}
