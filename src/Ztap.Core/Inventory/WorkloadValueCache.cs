using System.Collections.Immutable;
using Ztap.Core.Labels;

namespace Ztap.Core.Inventory;

/// <summary>
/// One instance of each distinct label set and named-port list read from an inventory. Replicas of
/// an application share their labels and ports, so tens of thousands of workloads hold a few
/// hundred of each instead of one apiece; all of them are immutable, so sharing changes nothing.
/// </summary>
internal sealed class WorkloadValueCache
{
    private readonly Dictionary<LabelSet, LabelSet> _labels = [];
    private readonly Dictionary<ImmutableArray<NamedPort>, ImmutableArray<NamedPort>> _ports = new(NamedPortsComparer.Instance);

    public LabelSet Share(LabelSet labels)
    {
        if (_labels.TryGetValue(labels, out var shared))
        {
            return shared;
        }

        _labels.Add(labels, labels);
        return labels;
    }

    public ImmutableArray<NamedPort> Share(ImmutableArray<NamedPort> ports)
    {
        if (ports.IsEmpty)
        {
            return [];
        }

        if (_ports.TryGetValue(ports, out var shared))
        {
            return shared;
        }

        _ports.Add(ports, ports);
        return ports;
    }

    /// <summary>Port lists compared by their ports, in order.</summary>
    private sealed class NamedPortsComparer : IEqualityComparer<ImmutableArray<NamedPort>>
    {
        public static NamedPortsComparer Instance { get; } = new();

        public bool Equals(ImmutableArray<NamedPort> x, ImmutableArray<NamedPort> y) => x.AsSpan().SequenceEqual(y.AsSpan());

        public int GetHashCode(ImmutableArray<NamedPort> obj)
        {
            var hash = new HashCode();
            foreach (var port in obj)
            {
                hash.Add(port);
            }

            return hash.ToHashCode();
        }
    }
}
