using System.Collections.Immutable;

namespace Ztap.Anomaly.Forest;

/// <summary>Grows one isolation tree at a time over rows of a matrix, reusing its buffers between trees.</summary>
internal sealed class TreeGrower(FeatureMatrix data, Random random, int heightLimit)
{
    private readonly List<IsolationNode> _nodes = [];
    private readonly float[] _min = new float[data.Columns];
    private readonly float[] _max = new float[data.Columns];
    private readonly int[] _splittable = new int[data.Columns];

    /// <summary>Grows a tree on the given rows (reordering them) and returns its nodes, root first.</summary>
    public ImmutableArray<IsolationNode> Grow(Span<int> rows)
    {
        _nodes.Clear();
        _nodes.Add(default);
        Fill(0, rows, 0);
        return [.. _nodes];
    }

    private void Fill(int node, Span<int> rows, int depth)
    {
        if (depth >= heightLimit || rows.Length <= 1 || !ChooseSplit(rows, out var feature, out var threshold))
        {
            _nodes[node] = IsolationNode.Leaf(rows.Length);
            return;
        }

        var boundary = Partition(rows, feature, threshold);
        var left = _nodes.Count;
        _nodes.Add(default);
        _nodes.Add(default);
        _nodes[node] = new IsolationNode(feature, threshold, left, 0);
        Fill(left, rows[..boundary], depth + 1);
        Fill(left + 1, rows[boundary..], depth + 1);
    }

    /// <summary>
    /// Picks a feature uniformly among those that still vary on these rows (as scikit-learn does: a
    /// constant feature cannot separate anything), and a threshold uniformly between its extremes.
    /// Returns false when every row is identical, which makes the node a leaf.
    /// </summary>
    private bool ChooseSplit(Span<int> rows, out int feature, out float threshold)
    {
        Array.Fill(_min, float.PositiveInfinity);
        Array.Fill(_max, float.NegativeInfinity);
        foreach (var row in rows)
        {
            for (var c = 0; c < _min.Length; c++)
            {
                var value = data[row, c];
                _min[c] = Math.Min(_min[c], value);
                _max[c] = Math.Max(_max[c], value);
            }
        }

        var count = 0;
        for (var c = 0; c < _min.Length; c++)
        {
            if (_max[c] > _min[c])
            {
                _splittable[count++] = c;
            }
        }

        feature = count == 0 ? -1 : _splittable[random.Next(count)];
        threshold = 0;
        if (feature < 0)
        {
            return false;
        }

        var (min, max) = (_min[feature], _max[feature]);
        threshold = (float)(min + (random.NextDouble() * ((double)max - min)));

        // Rounding to float can land on min (nothing goes left) or past max; max itself always
        // leaves at least the minimum on the left and the maximum on the right.
        if (threshold <= min || threshold > max)
        {
            threshold = max;
        }

        return true;
    }

    private int Partition(Span<int> rows, int feature, float threshold)
    {
        var boundary = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (data[rows[i], feature] < threshold)
            {
                (rows[i], rows[boundary]) = (rows[boundary], rows[i]);
                boundary++;
            }
        }

        return boundary;
    }
}
