using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ztap.Anomaly.Forest;

/// <summary>
/// The trees of a forest laid out for scoring. All nodes sit in one array of 8-byte entries, and every
/// leaf points at itself with a NaN threshold (no value is ever >= NaN), so each tree is walked exactly
/// <c>steps</c> times with no test for leaves. Four trees are walked side by side: their walks do not
/// depend on each other, so the processor overlaps their memory loads instead of waiting on one at a time.
/// </summary>
internal sealed class ForestWalk
{
    private readonly Node[] _nodes;
    private readonly float[] _leafPath;
    private readonly int[] _roots;
    private readonly int _steps;

    public ForestWalk(IReadOnlyList<IsolationTree> trees)
    {
        var total = trees.Sum(t => t.Nodes.Length);
        _nodes = new Node[total];
        _leafPath = new float[total];
        _roots = new int[trees.Count];
        var offset = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _roots[t] = offset;
            for (var i = 0; i < tree.Nodes.Length; i++)
            {
                var node = tree.Nodes[i];
                _nodes[offset + i] = node.IsLeaf
                    ? new Node(float.NaN, (offset + i) << 8)
                    : new Node(node.Threshold, ((offset + node.Left) << 8) | node.Feature);
                _leafPath[offset + i] = tree.LeafPathLength(i);
            }

            offset += tree.Nodes.Length;
            _steps = Math.Max(_steps, tree.Height);
        }
    }

    /// <summary>The sum over the trees of h(x). The caller has checked that the point has every feature.</summary>
    public double TotalPathLength(ReadOnlySpan<float> point)
    {
        // Indexes were checked when the trees were built (children inside the tree, features below the
        // feature count), so the walk reads without bounds checks; it is the hot loop of scoring.
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var x = ref MemoryMarshal.GetReference(point);
        var total = 0.0;
        var t = 0;
        for (; t + 8 <= _roots.Length; t += 8)
        {
            var (a, b, c, d) = (_roots[t], _roots[t + 1], _roots[t + 2], _roots[t + 3]);
            var (e, f, g, h) = (_roots[t + 4], _roots[t + 5], _roots[t + 6], _roots[t + 7]);
            for (var s = 0; s < _steps; s++)
            {
                a = Step(ref nodes, ref x, a);
                b = Step(ref nodes, ref x, b);
                c = Step(ref nodes, ref x, c);
                d = Step(ref nodes, ref x, d);
                e = Step(ref nodes, ref x, e);
                f = Step(ref nodes, ref x, f);
                g = Step(ref nodes, ref x, g);
                h = Step(ref nodes, ref x, h);
            }

            total += _leafPath[a] + _leafPath[b] + _leafPath[c] + _leafPath[d] + _leafPath[e] + _leafPath[f] + _leafPath[g] + _leafPath[h];
        }

        for (; t < _roots.Length; t++)
        {
            var a = _roots[t];
            for (var s = 0; s < _steps; s++)
            {
                a = Step(ref nodes, ref x, a);
            }

            total += _leafPath[a];
        }

        return total;
    }

    /// <summary>Left when the value is below the threshold, right (the next node) otherwise; a leaf stays put.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, ref float point, int index)
    {
        var node = Unsafe.Add(ref nodes, index);
        return (node.Next >> 8) + (Unsafe.Add(ref point, node.Next & 0xFF) >= node.Threshold ? 1 : 0);
    }

    /// <summary>A node in 8 bytes: the threshold, and the left child's index shifted left 8 bits or-ed with the feature.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Node(float Threshold, int Next);
}
