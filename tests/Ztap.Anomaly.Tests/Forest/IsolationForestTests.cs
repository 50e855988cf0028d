using Ztap.Anomaly.Forest;

namespace Ztap.Anomaly.Tests.Forest;

public sealed class IsolationForestTests
{
    [Fact]
    public void The_same_seed_grows_the_same_forest()
    {
        var data = Cluster(2000, seed: 1);
        var first = new IsolationForestTrainer(new ForestOptions(Seed: 7)).Train(data);
        var second = new IsolationForestTrainer(new ForestOptions(Seed: 7)).Train(data);

        Assert.Equal(first.Trees.SelectMany(t => t.Nodes), second.Trees.SelectMany(t => t.Nodes));
    }

    [Fact]
    public void Another_seed_grows_another_forest()
    {
        var data = Cluster(2000, seed: 1);
        var first = new IsolationForestTrainer(new ForestOptions(Seed: 7)).Train(data);
        var second = new IsolationForestTrainer(new ForestOptions(Seed: 8)).Train(data);

        Assert.NotEqual(first.Trees.SelectMany(t => t.Nodes), second.Trees.SelectMany(t => t.Nodes));
    }

    [Fact]
    public void Points_far_from_the_cluster_score_above_99_percent_of_it()
    {
        var data = Cluster(2000, seed: 2);
        var forest = new IsolationForestTrainer(new ForestOptions(Seed: 3)).Train(data);
        var inliers = Enumerable.Range(0, data.Rows).Select(r => forest.Score(data.Row(r))).Order().ToList();
        var high = inliers[(int)(0.99 * inliers.Count)];

        // Beyond the data, a forest routes a point like the most extreme training values, so the clearest
        // outliers are those out on both features.
        float[][] outliers = [[6, 6], [-6, -5], [5, -6]];
        foreach (var outlier in outliers)
        {
            var score = forest.Score(outlier);
            Assert.True(score > 0.6, $"outlier scored {score}");
            Assert.True(score > high, $"outlier scored {score}, the 99th percentile of the cluster {high}");
        }

        Assert.True(forest.Score([0, 0]) < 0.5);
    }

    [Fact]
    public void Trees_stay_within_the_height_limit_and_use_the_subsample()
    {
        var forest = new IsolationForestTrainer(new ForestOptions(TreeCount: 20, SubsampleSize: 64)).Train(Cluster(1000, seed: 4));

        Assert.Equal(64, forest.SubsampleSize);
        foreach (var tree in forest.Trees)
        {
            Assert.Equal(64, tree.Nodes.Where(n => n.IsLeaf).Sum(n => n.Size));
            Assert.True(Depth(tree, 0) <= PathLength.HeightLimit(64));
        }
    }

    [Fact]
    public void A_subsample_larger_than_the_data_uses_all_of_it()
    {
        var forest = new IsolationForestTrainer(new ForestOptions(SubsampleSize: 256)).Train(Cluster(40, seed: 5));

        Assert.Equal(40, forest.SubsampleSize);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0)]
    [InlineData(256, 10.2448)]
    public void Average_path_length_follows_the_paper(int n, double expected) =>
        Assert.Equal(expected, PathLength.Average(n), precision: 3);

    internal static FeatureMatrix Cluster(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new FeatureMatrix(rows, 2);
        for (var r = 0; r < rows; r++)
        {
            // Box-Muller: a standard normal cloud around the origin.
            for (var c = 0; c < 2; c++)
            {
                data.Row(r)[c] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }
        }

        return data;
    }

    private static int Depth(IsolationTree tree, int node) =>
        tree.Nodes[node].IsLeaf ? 0 : 1 + Math.Max(Depth(tree, tree.Nodes[node].Left), Depth(tree, tree.Nodes[node].Left + 1));
}
