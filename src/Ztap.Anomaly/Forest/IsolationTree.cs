using System.Collections.Immutable;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// A grown isolation tree as a flat node array, root first, checked to be a tree. Each leaf's path
/// length (its depth plus c(size) for the points it still holds) is worked out once here; scoring walks
/// the trees through <see cref="ForestWalk"/>.
/// </summary>
internal sealed class IsolationTree
{
    private readonly float[] _leafPath;

    private IsolationTree(ImmutableArray<IsolationNode> nodes, float[] leafPath, int height)
    {
        Nodes = nodes;
        _leafPath = leafPath;
        Height = height;
    }

    /// <summary>The nodes, root first; what the model file stores.</summary>
    public ImmutableArray<IsolationNode> Nodes { get; }

    /// <summary>The depth of the deepest leaf.</summary>
    public int Height { get; }

    /// <summary>h for a point landing in leaf <paramref name="node"/>: its depth plus c(size); 0 for an inner node.</summary>
    public float LeafPathLength(int node) => _leafPath[node];

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

        var leafPath = new float[nodes.Length];
        var depth = new int[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
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

            // The walk packs a feature into 8 bits and a node index into 23.
            if (node.Feature >= Math.Min(featureCount, 256) || nodes.Length >= 1 << 23 || node.Left <= i || node.Left + 1 >= nodes.Length || !float.IsFinite(node.Threshold))
            {
                error = $"node {i} does not split on a known feature into later nodes";
                return null;
            }

            depth[node.Left] = depth[i] + 1;
            depth[node.Left + 1] = depth[i] + 1;
        }

        return new IsolationTree(nodes, leafPath, depth.Max());
    }
}
