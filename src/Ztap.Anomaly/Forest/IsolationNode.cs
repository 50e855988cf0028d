namespace Ztap.Anomaly.Forest;

/// <summary>
/// One node of an isolation tree. An inner node sends a point left when its value of
/// <see cref="Feature"/> is below <see cref="Threshold"/> and right otherwise; its children sit
/// side by side at <see cref="Left"/> and <see cref="Left"/> + 1. A leaf has feature -1 and records
/// how many training points reached it.
/// </summary>
internal readonly record struct IsolationNode(int Feature, float Threshold, int Left, int Size)
{
    public bool IsLeaf => Feature < 0;

    public static IsolationNode Leaf(int size) => new(-1, 0, 0, size);
}
