using System.Collections.Immutable;
using System.Text;
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

    /// <summary>
    /// Namespace, labels (<c>k=v,k=v</c>) and named ports (<c>name:protocol:port</c>, by name)
    /// joined by U+0001: the text identity numbers are derived from, so it never changes.
    /// </summary>
    public static string KeyOf(Workload workload)
    {
        var key = new StringBuilder(workload.Namespace).Append('\u0001');
        var first = true;
        foreach (var (label, value) in workload.Labels)
        {
            key.Append(first ? "" : ",").Append(label).Append('=').Append(value);
            first = false;
        }

        key.Append('\u0001');
        var ports = workload.NamedPorts;
        if (!IsSortedByName(ports))
        {
            ports = [.. ports.OrderBy(p => p.Name, StringComparer.Ordinal)];
        }

        for (var i = 0; i < ports.Length; i++)
        {
            key.Append(i == 0 ? "" : ",").Append(ports[i].Name).Append(':')
                .Append((int)ports[i].Protocol).Append(':').Append(ports[i].Port);
        }

        return key.ToString();
    }

    private static bool IsSortedByName(ImmutableArray<NamedPort> ports)
    {
        for (var i = 1; i < ports.Length; i++)
        {
            if (string.CompareOrdinal(ports[i - 1].Name, ports[i].Name) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
