using System.Collections.Immutable;
using System.Net;
using System.Security.Cryptography;
using Ztap.Core.Addressing;
using Ztap.Core.Inventory;

namespace Ztap.Core.Compiler;

/// <summary>
/// Everything a compilation derives from the inventory and the prefixes the policies name, and
/// from no rule: workload groups, identities, the longest-prefix table, and the version's hash of
/// the identities and prefixes. It is most of a compilation's work and immutable once built, so a
/// compilation against the same inventory whose policies name the same prefixes (a changed rule,
/// an added policy) takes the previous one as it is and only compiles rules.
/// </summary>
internal sealed class CompiledInventory
{
    // The hash is cloned for each set built on this; the lock keeps two compilations from reading it at once.
    private readonly Lock _digestLock = new();
    private readonly IncrementalHash _digest;

    public CompiledInventory(WorkloadInventory inventory, HashSet<IPNetwork> namedPrefixes)
    {
        Inventory = inventory;
        Cells = new CidrCells(namedPrefixes);
        Groups = new WorkloadGroups(inventory);
        Identities = new IdentityTable(inventory, Groups, Cells);
        var identities = Identities.Identities;
        IndexOfNumber = new Dictionary<uint, int>(identities.Length);
        var numbers = new uint[identities.Length];
        ByNumber = new int[identities.Length];
        for (var index = 0; index < identities.Length; index++)
        {
            IndexOfNumber.Add(identities[index].Number, index);
            numbers[index] = identities[index].Number;
            ByNumber[index] = index;
        }

        Array.Sort(numbers, ByNumber);
        _digest = PolicySetDigest.HashAddresses(identities, ByNumber, Identities.Prefixes);
    }

    public WorkloadInventory Inventory { get; }

    public CidrCells Cells { get; }

    public WorkloadGroups Groups { get; }

    public IdentityTable Identities { get; }

    /// <summary>The longest-prefix table from address to identity position.</summary>
    public PrefixTable Addresses => Identities.Addresses;

    /// <summary>The prefixes with their identity numbers, in <see cref="PrefixOrder"/>.</summary>
    public ImmutableArray<PrefixEntry> Prefixes => Identities.Prefixes;

    public Dictionary<uint, int> IndexOfNumber { get; }

    /// <summary>Identity positions in number order, the order the version hashes them in.</summary>
    public int[] ByNumber { get; }

    /// <summary>
    /// Whether every rule table compiled against <paramref name="other"/> holds against this too:
    /// the same CIDR cells, namespaces and labels, workload groups and identities (a group's
    /// addresses in one cell), each at the same position. Only addresses differ then: workloads
    /// came, went or moved between groups and cells that had others before and after.
    /// </summary>
    public bool HasIdentitiesOf(CompiledInventory other) =>
        Cells.Prefixes.AsSpan().SequenceEqual(other.Cells.Prefixes.AsSpan())
        && Inventory.Namespaces.AsSpan().SequenceEqual(other.Inventory.Namespaces.AsSpan())
        && Identities.GroupOf.AsSpan().SequenceEqual(other.Identities.GroupOf.AsSpan())
        && Identities.CellOf.AsSpan().SequenceEqual(other.Identities.CellOf.AsSpan())
        && Groups.All.Select(group => group.Key).SequenceEqual(other.Groups.All.Select(group => group.Key), StringComparer.Ordinal);

    /// <summary>Whether a compilation of these policies against this inventory would build the same.</summary>
    public bool Fits(WorkloadInventory inventory, HashSet<IPNetwork> namedPrefixes) =>
        ReferenceEquals(inventory, Inventory) && Cells.AreOf(namedPrefixes);

    /// <summary>The version's hash after the identities and prefixes, for the caller to continue and dispose.</summary>
    public IncrementalHash ResumeDigest()
    {
        lock (_digestLock)
        {
            return _digest.Clone();
        }
    }
}
