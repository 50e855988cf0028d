using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Addressing;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Policy;

namespace Ztap.Core.Compiler;

/// <summary>
/// Policies compiled against an inventory: identities, the longest-prefix table mapping every
/// address to one, and per identity and direction what is isolated and what is allowed. Immutable
/// and versioned by content; the one input of the decision engine and of every enforcement backend.
/// </summary>
public sealed class PolicySet
{
    private readonly PrefixTable _addresses;
    private readonly ImmutableArray<int> _groupOf;
    private readonly ImmutableArray<int> _cellOf;
    private readonly RuleTable?[] _ingress;
    private readonly RuleTable?[] _egress;
    private readonly FrozenDictionary<uint, int> _indexOfNumber;
    private readonly CidrCells _cells;
    private readonly Lazy<List<int>[]> _identitiesInCell;

    internal PolicySet(
        ImmutableArray<NetworkPolicy> policies,
        WorkloadInventory inventory,
        CidrCells cells,
        IdentityTable identities,
        ImmutableArray<RuleReference> rules,
        RuleTable?[] ingress,
        RuleTable?[] egress)
    {
        Policies = policies;
        Inventory = inventory;
        Identities = identities.Identities;
        Rules = rules;
        _groupOf = identities.GroupOf;
        _cellOf = identities.CellOf;
        _cells = cells;
        _identitiesInCell = new(IdentitiesByCell);
        _ingress = ingress;
        _egress = egress;
        _addresses = new PrefixTable(identities.Prefixes.Select(p => (p.Prefix, p.Identity)), IdentityTable.WorldIndex);
        _indexOfNumber = Identities.Select((identity, index) => KeyValuePair.Create(identity.Number, index)).ToFrozenDictionary();
        Prefixes = [.. identities.Prefixes
            .Select(p => new PrefixEntry(p.Prefix, Identities[p.Identity].Number))
            .OrderBy(p => AddressKey.IsV4(p.Prefix.BaseAddress) ? 0 : 1)
            .ThenBy(p => AddressKey.Range(p.Prefix).First)
            .ThenBy(p => p.Prefix.PrefixLength)];
        Version = PolicySetDigest.Compute(this);
    }

    /// <summary>A digest of everything the set enforces: equal versions enforce equally.</summary>
    public string Version { get; }

    public ImmutableArray<NetworkPolicy> Policies { get; }

    public WorkloadInventory Inventory { get; }

    /// <summary>Every identity, <c>world</c> first.</summary>
    public ImmutableArray<Identity> Identities { get; }

    /// <summary>The longest-prefix table, sorted by family, address and length.</summary>
    public ImmutableArray<PrefixEntry> Prefixes { get; }

    /// <summary>Every ingress and egress rule of the isolating policies, in policy order.</summary>
    public ImmutableArray<RuleReference> Rules { get; }

    /// <summary>The identity of the most specific prefix containing the address, <c>world</c> when none does.</summary>
    public Identity IdentityOf(IPAddress address) => Identities[IndexOf(address)];

    public SubjectRules RulesOf(Identity identity, Direction direction)
    {
        var table = Table(_indexOfNumber[identity.Number], direction);
        if (table is null)
        {
            return new SubjectRules(direction, [], [], []);
        }

        var entries = table.Allowed
            .SelectMany(pair => Enumerable.Range(0, pair.Value.Count).Select(i => (Key: RuleTable.Split(pair.Key), Range: pair.Value[i])))
            .Select(e => new AllowEntry(
                e.Key.Peer == RuleTable.AnyPeer ? null : Identities[e.Key.Peer].Number,
                e.Key.Protocol == RuleTable.AnyProtocol ? null : (Protocol)e.Key.Protocol,
                e.Range.From,
                e.Range.To,
                Rules[e.Range.Rule]))
            .OrderBy(e => e.Peer ?? 0).ThenBy(e => e.Protocol ?? 0).ThenBy(e => e.FromPort).ThenBy(e => e.ToPort);
        var blocks = table.Blocks
            .Select(b => new BlockAllowEntry(b.Block, b.Protocol == RuleTable.AnyProtocol ? null : (Protocol)b.Protocol, b.From, b.To, Rules[b.Rule]))
            .Distinct();
        return new SubjectRules(direction, [.. table.IsolatingPolicies.Select(p => Policies[p])], [.. entries], [.. blocks]);
    }

    /// <summary>
    /// The identities whose addresses all lie inside the block and outside its excepts, for
    /// backends that key every entry by peer identity.
    /// </summary>
    public ImmutableArray<uint> IdentitiesIn(IpBlock block) =>
        [.. _cells.Covered(block)
            .SelectMany(range => Enumerable.Range(range.Start, range.End - range.Start))
            .SelectMany(cell => _identitiesInCell.Value[cell])
            .Select(identity => Identities[identity].Number)
            .Order()];

    internal int IndexOf(IPAddress address) => _addresses.Find(address);

    internal int IndexOfV4(uint address) => _addresses.FindV4(address);

    /// <summary>The rule table of an identity in a direction; null when no policy isolates it there.</summary>
    internal RuleTable? Table(int identity, Direction direction)
    {
        var group = _groupOf[identity];
        if (group < 0)
        {
            return null;
        }

        return direction == Direction.Ingress ? _ingress[group] : _egress[group];
    }

    private List<int>[] IdentitiesByCell()
    {
        var byCell = new List<int>[_cells.Prefixes.Length];
        for (var cell = 0; cell < byCell.Length; cell++)
        {
            byCell[cell] = [];
        }

        for (var identity = 0; identity < _cellOf.Length; identity++)
        {
            if (_cellOf[identity] >= 0)
            {
                byCell[_cellOf[identity]].Add(identity);
            }
        }

        return byCell;
    }

    /// <summary>The workload group of an identity, -1 for world and CIDR identities.</summary>
    internal int GroupOf(int identity) => _groupOf[identity];

    /// <summary>The innermost policy CIDR cell of an identity, which ipBlock entries match on; -1 when none.</summary>
    internal int CellOf(int identity) => _cellOf[identity];
}
