using CsCheck;
using Ztap.Anomaly.Forest;

namespace Ztap.Anomaly.Tests.Forest;

public sealed class ForestWalkTests
{
    [Fact]
    public void The_packed_walk_finds_the_leaves_a_plain_walk_finds()
    {
        var forest = new IsolationForestTrainer(new ForestOptions(TreeCount: 37, SubsampleSize: 128, Seed: 9))
            .Train(IsolationForestTests.Cluster(1000, seed: 8));

        Gen.Float[-10f, 10f].Array[2].Sample(point =>
            // The packed walk adds its leaves' float path lengths in another order; only rounding may differ.
            Assert.Equal(PlainMeanPathLength(forest, point), forest.MeanPathLength(point), tolerance: 1e-4));
    }

    /// <summary>The obvious walk: from the root, left when below the threshold, until a leaf.</summary>
    private static double PlainMeanPathLength(IsolationForest forest, float[] point)
    {
        var total = 0.0;
        foreach (var tree in forest.Trees)
        {
            var node = 0;
            while (!tree.Nodes[node].IsLeaf)
            {
                node = point[tree.Nodes[node].Feature] < tree.Nodes[node].Threshold ? tree.Nodes[node].Left : tree.Nodes[node].Left + 1;
            }

            total += tree.LeafPathLength(node);
        }

        return total / forest.Trees.Length;
    }
}
