using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Turns the peers of a rule into what they cover, with Kubernetes' meaning: a pod selector alone
/// looks in the policy's namespace, a namespace selector widens it to the matching namespaces, and
/// an ipBlock covers the addresses whose innermost policy CIDR lies inside it.
/// </summary>
internal sealed class PeerResolver(WorkloadGroups groups, SelectorCache selections, CidrCells cells, IdentityTable identities)
{
    private readonly Dictionary<(string Name, Protocol Protocol), int[]> _withPort = [];

    public ResolvedPeers Resolve(string policyNamespace, ImmutableArray<PolicyPeer> peers)
    {
        var found = new List<int>();
        List<(IpBlock, List<(int, int)>)>? blocks = null;
        foreach (var peer in peers)
        {
            if (peer.IpBlock is { } block)
            {
                (blocks ??= []).Add((block, cells.Covered(block)));
                continue;
            }

            var namespaces = peer.NamespaceSelector is { } namespaceSelector
                ? selections.SelectNamespaces(namespaceSelector)
                : [policyNamespace];
            var podSelector = peer.PodSelector ?? Labels.LabelSelector.Everything;
            foreach (var ns in namespaces)
            {
                foreach (var group in selections.Select(ns, podSelector))
                {
                    found.AddRange(groups.All[group].Identities);
                }
            }
        }

        // A group's identities are added once per peer that selects it, so repeats are rare and
        // removing them after sorting beats a hash set per rule.
        found.Sort();
        var distinct = 0;
        for (var i = 0; i < found.Count; i++)
        {
            if (distinct == 0 || found[distinct - 1] != found[i])
            {
                found[distinct++] = found[i];
            }
        }

        return new ResolvedPeers(CollectionsMarshal.AsSpan(found)[..distinct].ToArray(), blocks?.ToArray() ?? []);
    }

    /// <summary>The workload identities among the peers, ipBlocks included: those a named port can resolve on.</summary>
    public IEnumerable<int> Workloads(ResolvedPeers peers) =>
        peers.Identities.Concat(peers.Blocks
            .SelectMany(block => block.Cells)
            .SelectMany(range => Enumerable.Range(range.Start, range.End - range.Start))
            .SelectMany(cell => identities.WorkloadsInCell[cell]))
            .Distinct();

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
