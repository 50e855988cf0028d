using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Turns the peers of a rule into the identities they cover, with Kubernetes' meaning: a pod
/// selector alone looks in the policy's namespace, a namespace selector widens it to the matching
/// namespaces, and an ipBlock covers the identities whose innermost CIDR lies inside it.
/// </summary>
internal sealed class PeerResolver(WorkloadGroups groups, CidrCells cells, IdentityTable identities)
{
    private readonly Dictionary<(string Name, Protocol Protocol), int[]> _withPort = [];

    /// <summary>The identities of the peers, sorted and without repeats.</summary>
    public int[] Resolve(string policyNamespace, IEnumerable<PolicyPeer> peers)
    {
        var found = new HashSet<int>();
        foreach (var peer in peers)
        {
            if (peer.IpBlock is { } block)
            {
                foreach (var cell in cells.Covered(block))
                {
                    found.UnionWith(identities.CellMembers[cell]);
                }

                continue;
            }

            var namespaces = peer.NamespaceSelector is { } namespaceSelector
                ? groups.SelectNamespaces(namespaceSelector)
                : [policyNamespace];
            var podSelector = peer.PodSelector ?? Labels.LabelSelector.Everything;
            foreach (var ns in namespaces)
            {
                foreach (var group in groups.Select(ns, podSelector))
                {
                    found.UnionWith(groups.All[group].Identities);
                }
            }
        }

        var sorted = found.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Every workload identity that serves a port under this name and protocol.</summary>
    public int[] WithNamedPort(string name, Protocol protocol)
    {
        if (!_withPort.TryGetValue((name, protocol), out var found))
        {
            found = [.. groups.All
                .Where(group => group.ResolvePort(name, protocol) is not null)
                .SelectMany(group => group.Identities)
                .Order()];
            _withPort.Add((name, protocol), found);
        }

        return found;
    }
}
