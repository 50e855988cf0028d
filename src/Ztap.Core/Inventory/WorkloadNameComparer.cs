namespace Ztap.Core.Inventory;

/// <summary>Workloads compared by <c>namespace/name</c> alone, the name that must be unique in an inventory.</summary>
internal sealed class WorkloadNameComparer : IEqualityComparer<Workload>
{
    public static WorkloadNameComparer Instance { get; } = new();

    public bool Equals(Workload? x, Workload? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Name == y.Name && x.Namespace == y.Namespace);

    public int GetHashCode(Workload workload) => HashCode.Combine(workload.Name.GetHashCode(), workload.Namespace.GetHashCode());
}
