using System.Collections.Immutable;

namespace Ztap.Core.Collections;

/// <summary>
/// Immutable arrays compared element by element, each by its own equality (by value, for records),
/// so that equal lists can be one array: an <see cref="ImmutableArray{T}"/> itself compares the
/// arrays it wraps by reference.
/// </summary>
internal sealed class ElementwiseComparer<T> : IEqualityComparer<ImmutableArray<T>>
    where T : IEquatable<T>
{
    public static ElementwiseComparer<T> Instance { get; } = new();

    public bool Equals(ImmutableArray<T> x, ImmutableArray<T> y) => x.AsSpan().SequenceEqual(y.AsSpan());

    public int GetHashCode(ImmutableArray<T> obj)
    {
        var hash = new HashCode();
        foreach (var item in obj)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
