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

    // Reused from rule to rule: a compilation resolves one rule at a time.
    private readonly List<int> _found = [];

    public ResolvedPeers Resolve(string policyNamespace, ImmutableArray<PolicyPeer> peers)
    {
        var found = _found;
        found.Clear();
        List<(IpBlock, List<(int, int)>)>? blocks = null;
        foreach (var peer in peers)
        {
            if (peer.IpBlock is { } block)
            {
                (blocks ??= []).Add((block, cells.Covered(block)));
                continue;
            }

            var podSelector = peer.PodSelector ?? Labels.LabelSelector.Everything;
            if (peer.NamespaceSelector is not { } namespaceSelector)
            {
                AddSelected(policyNamespace, podSelector);
                continue;
            }

            foreach (var ns in selections.SelectNamespaces(namespaceSelector))
            {
                AddSelected(ns, podSelector);
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

    private void AddSelected(string @namespace, Labels.LabelSelector podSelector)
    {
        foreach (var group in selections.Select(@namespace, podSelector))
        {
            _found.AddRange(groups.All[group].Identities);
        }
    }

    /// <summary>The workload identities among the peers, ipBlocks included: those a named port can resolve on.</summary>
    public IEnumerable<int> Workloads(ResolvedPeers peers) =>
        peers.Identities.Concat(peers.Blocks
            .SelectMany(block => block.Cells)
            .SelectMany(range => Enumerable.Range(range.Start, range.End - range.Start))
            .SelectMany(cell => identities.WorkloadsInCell(cell)))
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
