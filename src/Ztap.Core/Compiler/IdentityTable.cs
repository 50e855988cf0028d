using System.Collections.Immutable;
using System.Net;
using System.Runtime.InteropServices;
using Ztap.Core.Addressing;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;

namespace Ztap.Core.Compiler;

/// <summary>
/// The identities of a compilation and the longest-prefix entries that map addresses to them: one
/// identity per workload group and CIDR cell its addresses fall in, one per CIDR cell for the
/// addresses of no workload, and <c>world</c> for the rest.
/// </summary>
internal sealed class IdentityTable
{
    public const int WorldIndex = 0;

    // Most cells hold no workload, so their lists are only made for the first one.
    private readonly List<int>?[] _workloadsInCell;

    public IdentityTable(WorkloadInventory inventory, WorkloadGroups groups, CidrCells cells)
    {
        // What is only needed while building is local, so a set that keeps this table for the
        // next compilation does not keep it too. Most workloads have one address, so the prefix
        // lists' capacity is about the number of prefixes.
        var rows = new List<(string Key, int Group, int Cell)> { ("world", -1, -1) };
        var byGroupAndCell = new Dictionary<(int Group, int Cell), int>();
        var prefixes = new List<IPNetwork>(inventory.Workloads.Length + cells.Prefixes.Length);
        var prefixIdentities = new List<int>(prefixes.Capacity);
        _workloadsInCell = new List<int>?[cells.Prefixes.Length];

        int Add(string key, int group, int cell)
        {
            rows.Add((key, group, cell));
            return rows.Count - 1;
        }

        int WorkloadIdentity(WorkloadGroup group, int cell)
        {
            if (byGroupAndCell.TryGetValue((group.Index, cell), out var existing))
            {
                return existing;
            }

            var key = cell < 0 ? group.Key : $"{group.Key}\u0002{cells.Prefixes[cell]}";
            var identity = Add(key, group.Index, cell);
            byGroupAndCell.Add((group.Index, cell), identity);
            group.Identities.Add(identity);
            if (cell >= 0)
            {
                (_workloadsInCell[cell] ??= []).Add(identity);
            }

            return identity;
        }

        // A cell that is exactly one workload's address holds no other address, so it needs no
        // identity of its own. Policies rarely name single hosts, so only those cells are remembered.
        var hostCells = new HashSet<IPNetwork>();
        foreach (var prefix in cells.Prefixes)
        {
            if (prefix.PrefixLength == (AddressKey.IsV4(prefix.BaseAddress) ? 32 : 128))
            {
                hostCells.Add(prefix);
            }
        }

        var coveredHostCells = new HashSet<IPNetwork>();
        for (var w = 0; w < inventory.Workloads.Length; w++)
        {
            var group = groups.All[groups.GroupOfWorkload[w]];
            foreach (var address in inventory.Workloads[w].Addresses)
            {
                var cell = cells.Innermost(address);
                var identity = WorkloadIdentity(group, cell);
                var host = new IPNetwork(address, AddressKey.IsV4(address) ? 32 : 128);
                if (hostCells.Count > 0 && hostCells.Contains(host))
                {
                    coveredHostCells.Add(host);
                }

                prefixes.Add(host);
                prefixIdentities.Add(identity);
            }
        }

        for (var cell = 0; cell < cells.Prefixes.Length; cell++)
        {
            var prefix = cells.Prefixes[cell];
            if (!coveredHostCells.Contains(prefix))
            {
                prefixes.Add(prefix);
                prefixIdentities.Add(Add($"cidr\u0002{prefix}", -1, cell));
            }
        }

        // World keeps its reserved number; every other identity is numbered from its key.
        var numbers = IdentityNumbers.Assign([.. rows.Skip(1).Select(row => row.Key)]);
        Identities = [.. rows.Select((row, index) => Describe(row.Group, row.Cell, index == WorldIndex ? Identity.WorldNumber : numbers[index - 1], groups, cells))];
        GroupOf = [.. rows.Select(row => row.Group)];
        CellOf = [.. rows.Select(row => row.Cell)];

        // The prefixes and their identities' positions serve to build the two forms kept; kept
        // themselves, they would be a third copy of every address.
        var sortedPrefixes = prefixes.ToArray();
        var positions = prefixIdentities.ToArray();
        PrefixOrder.Sort(sortedPrefixes, positions);
        Addresses = new PrefixTable(sortedPrefixes, positions, WorldIndex);
        var entries = new PrefixEntry[sortedPrefixes.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new PrefixEntry(sortedPrefixes[i], Identities[positions[i]].Number);
        }

        Prefixes = ImmutableCollectionsMarshal.AsImmutableArray(entries);
    }

    public ImmutableArray<Identity> Identities { get; }

    /// <summary>The workload group of each identity, -1 for world and CIDR identities.</summary>
    public ImmutableArray<int> GroupOf { get; }

    /// <summary>The innermost policy CIDR cell of each identity, -1 when none.</summary>
    public ImmutableArray<int> CellOf { get; }

    /// <summary>Every prefix with its identity's number, in <see cref="PrefixOrder"/>.</summary>
    public ImmutableArray<PrefixEntry> Prefixes { get; }

    /// <summary>The longest-prefix table from address to identity position.</summary>
    public PrefixTable Addresses { get; }

    /// <summary>The workload identities whose addresses have the cell as their innermost policy CIDR.</summary>
    public IReadOnlyList<int> WorkloadsInCell(int cell) => _workloadsInCell[cell] ?? [];

    private static Identity Describe(int group, int cell, uint number, WorkloadGroups groups, CidrCells cells)
    {
        IPNetwork? cidr = cell < 0 ? null : cells.Prefixes[cell];
        if (group >= 0)
        {
            var g = groups.All[group];
            return new Identity(number, IdentityKind.Workload, g.Namespace, g.Labels, g.NamedPorts, cidr);
        }

        return cidr is null
            ? new Identity(number, IdentityKind.World, null, LabelSet.Empty, [], null)
            : new Identity(number, IdentityKind.Cidr, null, LabelSet.Empty, [], cidr);
    }
}
