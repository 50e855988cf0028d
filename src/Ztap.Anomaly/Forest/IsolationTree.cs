using System.Collections.Immutable;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// A grown isolation tree, stored as a flat node array so scoring walks memory in one direction.
/// Each leaf's path length (its depth plus c(size) for the points it still holds) is worked out once
/// here rather than on every lookup.
/// </summary>
internal sealed class IsolationTree
{
    private readonly (int Feature, float Threshold, int Left)[] _walk;
    private readonly float[] _leafPath;

    private IsolationTree(ImmutableArray<IsolationNode> nodes, (int, float, int)[] walk, float[] leafPath)
    {
        Nodes = nodes;
        _walk = walk;
        _leafPath = leafPath;
    }

    /// <summary>The nodes, root first; what the model file stores.</summary>
    public ImmutableArray<IsolationNode> Nodes { get; }

    /// <summary>
    /// Builds a tree from its nodes, or returns null with a reason when they do not form one: every
    /// child must come after its parent (so walks end) and every feature must be one of
    /// <paramref name="featureCount"/>. Nodes come from files, so nothing about them is trusted.
    /// </summary>
    public static IsolationTree? Create(ImmutableArray<IsolationNode> nodes, int featureCount, out string? error)
    {
        error = null;
        if (nodes.IsEmpty)
        {
            error = "a tree has no nodes";
            return null;
        }

        var walk = new (int, float, int)[nodes.Length];
        var leafPath = new float[nodes.Length];
        var depth = new int[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            walk[i] = (node.Feature, node.Threshold, node.Left);
            if (node.IsLeaf)
            {
                if (node.Size < 0)
                {
                    error = $"node {i} holds a negative number of points";
                    return null;
                }

                leafPath[i] = (float)(depth[i] + PathLength.Average(node.Size));
                continue;
            }

            if (node.Feature >= featureCount || node.Left <= i || node.Left + 1 >= nodes.Length || !float.IsFinite(node.Threshold))
            {
                error = $"node {i} does not split on a known feature into later nodes";
                return null;
            }

            depth[node.Left] = depth[i] + 1;
            depth[node.Left + 1] = depth[i] + 1;
        }

        return new IsolationTree(nodes, walk, leafPath);
    }

    /// <summary>h(x): how deep the point lands, with c(size) added for an unfinished leaf.</summary>
    public float PathLengthOf(ReadOnlySpan<float> point)
    {
        var walk = _walk;
        var index = 0;
        while (walk[index].Feature >= 0)
        {
            var (feature, threshold, left) = walk[index];
            index = point[feature] < threshold ? left : left + 1;
        }

        return _leafPath[index];
    }
}
