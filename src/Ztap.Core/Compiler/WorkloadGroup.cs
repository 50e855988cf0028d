using System.Collections.Immutable;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;

namespace Ztap.Core.Compiler;

/// <summary>
/// Workloads that no policy can tell apart by selector: same namespace, labels and named ports.
/// Selectors are matched once per group, not once per workload.
/// </summary>
internal sealed class WorkloadGroup(int index, string @namespace, LabelSet labels, ImmutableArray<NamedPort> namedPorts, string key)
{
    public int Index { get; } = index;

    public string Namespace { get; } = @namespace;

    public LabelSet Labels { get; } = labels;

    public ImmutableArray<NamedPort> NamedPorts { get; } = namedPorts;

    /// <summary>The canonical text of namespace, labels and ports; equal keys mean one group.</summary>
    public string Key { get; } = key;

    /// <summary>The identities of this group's addresses, one per policy CIDR cell they fall in.</summary>
    public List<int> Identities { get; } = [];

    public int? ResolvePort(string name, Policy.Protocol protocol)
    {
        foreach (var port in NamedPorts)
        {
            if (port.Name == name && port.Protocol == protocol)
            {
                return port.Port;
            }
        }

        return null;
    }

    public static string KeyOf(Workload workload) =>
        $"{workload.Namespace}\u0001{workload.Labels}\u0001{string.Join(',', workload.NamedPorts.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{(int)p.Protocol}:{p.Port}"))}";
}
