using System.Collections.Immutable;
using Ztap.Core.Collections;
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
    private readonly Dictionary<ImmutableArray<NamedPort>, ImmutableArray<NamedPort>> _ports = new(ElementwiseComparer<NamedPort>.Instance);

    public LabelSet Share(LabelSet labels) => _labels.Share(labels, labels);

    public ImmutableArray<NamedPort> Share(ImmutableArray<NamedPort> ports) => ports.IsEmpty ? [] : _ports.Share(ports, ports);
}
