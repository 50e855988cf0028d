using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Labels;

namespace Ztap.Core.Inventory;

/// <summary>
/// The known workloads and namespaces: who has which labels and addresses. Namespaces that
/// workloads use but nobody declared exist with their name label only. The lookups by name and
/// address are plain dictionaries: an inventory has tens of thousands of entries that are looked up
/// a few times each, too few to repay building frozen ones. The one by name is built on first use,
/// since compiling and enforcing never look a workload up by name.
/// </summary>
public sealed class WorkloadInventory
{
    public static WorkloadInventory Empty { get; } = new([], []);

    private readonly FrozenDictionary<string, WorkloadNamespace> _namespaces;
    private readonly WorkloadAddressIndex _byAddress;
    private Dictionary<(string Namespace, string Name), Workload>? _byName;

    public WorkloadInventory(IEnumerable<WorkloadNamespace> namespaces, IEnumerable<Workload> workloads)
        : this(namespaces, [.. workloads], null)
    {
    }

    /// <summary>
    /// An inventory whose lookup by address, <paramref name="byAddress"/>, a reader has already built
    /// while it checked that no two workloads claim an address; null builds it here.
    /// </summary>
    internal WorkloadInventory(
        IEnumerable<WorkloadNamespace> namespaces, ImmutableArray<Workload> workloads, WorkloadAddressIndex? byAddress)
    {
        Workloads = workloads;
        var declared = namespaces.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var withCgroup = ImmutableArray.CreateBuilder<Workload>();
        foreach (var workload in Workloads)
        {
            if (!declared.ContainsKey(workload.Namespace))
            {
                declared[workload.Namespace] = WorkloadNamespace.Create(workload.Namespace, LabelSet.Empty);
            }

            if (workload.Cgroup is not null)
            {
                withCgroup.Add(workload);
            }
        }

        WithCgroup = withCgroup.DrainToImmutable();

        _namespaces = declared.ToFrozenDictionary(StringComparer.Ordinal);
        Namespaces = [.. declared.Values.OrderBy(n => n.Name, StringComparer.Ordinal)];
        _byAddress = byAddress ?? ByAddress(Workloads);
    }

    public ImmutableArray<Workload> Workloads { get; }

    /// <summary>
    /// The workloads that name a cgroup: the ones a host enforces on, found once rather than by a
    /// scan of every workload at each apply (a few milliseconds at 160,000 workloads).
    /// </summary>
    public ImmutableArray<Workload> WithCgroup { get; }

    public ImmutableArray<WorkloadNamespace> Namespaces { get; }

    /// <summary>The namespace's labels; an unknown namespace has only its name label.</summary>
    public LabelSet NamespaceLabels(string name) =>
        _namespaces.TryGetValue(name, out var ns) ? ns.Labels : WorkloadNamespace.Create(name, LabelSet.Empty).Labels;

    /// <summary>Finds a workload by <c>namespace/name</c>, or by <c>name</c> in namespace <c>default</c>.</summary>
    public Workload? FindByName(string reference)
    {
        // Keyed by the two parts rather than the joined text, which would cost a string per workload.
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var key = slash < 0 ? ("default", reference) : (reference[..slash], reference[(slash + 1)..]);
        return (_byName ?? ByName()).GetValueOrDefault(key);
    }

    public Workload? FindByAddress(IPAddress address) =>
        _byAddress.Find(address) is var position and not WorkloadAddressIndex.None ? Workloads[position] : null;

    private static WorkloadAddressIndex ByAddress(ImmutableArray<Workload> workloads)
    {
        var byAddress = new WorkloadAddressIndex();
        for (var position = 0; position < workloads.Length; position++)
        {
            foreach (var address in workloads[position].Addresses)
            {
                // A later workload claiming an address wins; readers refuse such an inventory anyway.
                byAddress.Assign(address, position);
            }
        }

        return byAddress;
    }

    /// <summary>Builds the lookup by name; two threads may both build it, and either result serves.</summary>
    private Dictionary<(string Namespace, string Name), Workload> ByName()
    {
        var byName = new Dictionary<(string Namespace, string Name), Workload>(Workloads.Length);
        foreach (var workload in Workloads)
        {
            byName.Add((workload.Namespace, workload.Name), workload);
        }

        return Interlocked.CompareExchange(ref _byName, byName, null) ?? byName;
    }

    /// <summary>
    /// The addresses of the workloads a selector picks: in <paramref name="namespace"/> when given,
    /// in every namespace otherwise.
    /// </summary>
    public ImmutableArray<IPAddress> ResolveLabels(LabelSelector selector, string? @namespace = null)
    {
        var addresses = ImmutableArray.CreateBuilder<IPAddress>();
        foreach (var workload in Workloads)
        {
            if ((@namespace is null || workload.Namespace == @namespace) && selector.Matches(workload.Labels))
            {
                addresses.AddRange(workload.Addresses);
            }
        }

        return addresses.DrainToImmutable();
    }
}
