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
    private readonly Dictionary<uint, int> _indexOfNumber;
    private readonly CidrCells _cells;
    private readonly Lazy<List<int>[]> _identitiesInCell;
    private readonly GroupDigests _groupDigests;
    private readonly RuleLayout _layout;
    private readonly PolicyOrder _order;

    // Which compilation this is and which set it kept the rule tables of, without holding on to that set.
    private static long s_lastId;
    private readonly long _id = Interlocked.Increment(ref s_lastId);
    private readonly long _basisId;
    private readonly HashSet<int> _rebuiltGroups;

    /// <param name="basis">The set this one was compiled from as an edit, sharing every rule table but those of <paramref name="rebuiltGroups"/>.</param>
    /// <param name="sidesOf">A set with the same policies, order, rule tables and identities, whose group digests hold for this one.</param>
    internal PolicySet(
        ImmutableArray<NetworkPolicy> policies,
        CompiledInventory compiled,
        PolicyOrder order,
        ImmutableArray<RuleReference> rules,
        RuleTable?[] ingress,
        RuleTable?[] egress,
        PolicySet? basis = null,
        IReadOnlyCollection<int>? rebuiltGroups = null,
        PolicySet? sidesOf = null)
    {
        Policies = policies;
        Compiled = compiled;
        Inventory = compiled.Inventory;
        Identities = compiled.Identities.Identities;
        Prefixes = compiled.Prefixes;
        Rules = rules;
        _layout = new RuleLayout(policies);
        _order = order;
        _groupOf = compiled.Identities.GroupOf;
        _cellOf = compiled.Identities.CellOf;
        _cells = compiled.Cells;
        _identitiesInCell = new(IdentitiesByCell);
        _ingress = ingress;
        _egress = egress;
        _addresses = compiled.Addresses;
        _indexOfNumber = compiled.IndexOfNumber;
        _basisId = basis?._id ?? 0;
        _rebuiltGroups = [.. rebuiltGroups ?? []];
        _groupDigests = sidesOf?._groupDigests
            ?? (basis is null ? new GroupDigests(this) : basis._groupDigests.Rehash(this, rebuiltGroups ?? []));
        Version = PolicySetDigest.Compute(this, compiled, _groupDigests);
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

    /// <summary>
    /// One more than the highest policy number: the numbers that name policies in
    /// <see cref="AllowEntry.PolicyNumber"/> and <see cref="SubjectRules.IsolatingNumbers"/> are below it,
    /// and a few below it may name none (policies removed by an edit).
    /// </summary>
    public int PolicyNumberBound => _order.NumberBound;

    /// <summary>The number of the policy at a position of <see cref="Policies"/>.</summary>
    public int PolicyNumber(int position) => _order.Number(position);

    /// <summary>The policy with a number, null when none has it.</summary>
    public NetworkPolicy? PolicyByNumber(int number) => _order.PositionOfNumber(number) is >= 0 and var position ? Policies[position] : null;

    /// <summary>The identity of the most specific prefix containing the address, <c>world</c> when none does.</summary>
    public Identity IdentityOf(IPAddress address) => Identities[IndexOf(address)];

    public SubjectRules RulesOf(Identity identity, Direction direction)
    {
        var table = Table(_indexOfNumber[identity.Number], direction);
        if (table is null)
        {
            return new SubjectRules(direction, [], [], [], []);
        }

        // Keys in peer number order and ranges sorted within a key: entries sorted by peer, protocol
        // and range. Sized exactly, so a side that allows thousands of peers costs one array.
        var entries = ImmutableArray.CreateBuilder<AllowEntry>(table.RangeCount);
        foreach (var k in KeysByPeerNumber(table))
        {
            var (key, ports) = table.Entry(k);
            var (peer, protocol) = RuleTable.Split(key);
            uint? number = peer == RuleTable.AnyPeer ? null : Identities[peer].Number;
            Protocol? named = protocol == RuleTable.AnyProtocol ? null : (Protocol)protocol;
            for (var i = 0; i < ports.Count; i++)
            {
                var (from, to, ruleKey) = ports[i];
                var (rule, policyNumber) = Named(ruleKey, direction);
                entries.Add(new AllowEntry(number, named, from, to, rule, policyNumber, ruleKey.Rank));
            }
        }

        var blocks = ImmutableArray.CreateBuilder<BlockAllowEntry>(table.DistinctBlocks.Length);
        foreach (var position in table.DistinctBlocks)
        {
            var b = table.Blocks[position];
            var (rule, policyNumber) = Named(b.Rule, direction);
            blocks.Add(new BlockAllowEntry(b.Block, b.Protocol == RuleTable.AnyProtocol ? null : (Protocol)b.Protocol, b.From, b.To, rule, policyNumber, b.Rule.Rank));
        }

        var isolating = ImmutableArray.CreateBuilder<NetworkPolicy>(table.IsolatingPolicies.Length);
        var numbers = ImmutableArray.CreateBuilder<int>(table.IsolatingPolicies.Length);
        foreach (var rank in table.IsolatingPolicies)
        {
            var policy = _order.PositionOfRank(rank);
            isolating.Add(Policies[policy]);
            numbers.Add(_order.Number(policy));
        }

        return new SubjectRules(direction, isolating.MoveToImmutable(), numbers.MoveToImmutable(), entries.MoveToImmutable(), blocks.MoveToImmutable());
    }

    /// <summary>
    /// Whether this set was compiled from an edit of <paramref name="previous"/> (or is it): every
    /// policy kept from there has the rank and number it had there.
    /// </summary>
    public bool IsEditOf(PolicySet previous) => ReferenceEquals(previous, this) || _basisId == previous._id;

    /// <summary>
    /// Whether this set's identities are those of <paramref name="other"/>, number for number and
    /// each standing for the same: a set compiled against the same compiled inventory (an edit of
    /// it among them), or against an inventory whose workloads only came, went or changed address
    /// within the groups and CIDR cells it had.
    /// </summary>
    public bool HasIdentitiesOf(PolicySet other) =>
        ReferenceEquals(Compiled, other.Compiled) || Compiled.HasIdentitiesOf(other.Compiled);

    /// <summary>
    /// Whether every side (identity and direction) of this set has exactly the rules it has in
    /// <paramref name="other"/>, down to each entry's policy number, policy rank and rule index, and
    /// each ipBlock prefix stands for the identity it stands for there: a set compiled with the rule
    /// tables of <paramref name="other"/> against an inventory whose workloads only came, went or
    /// changed address (<see cref="HasIdentitiesOf"/>). Only its prefixes differ, so a backend keeps
    /// what it built for the sides. (A prefix a policy names stands for its CIDR cell's identity or,
    /// when it is one workload's address, for that workload's identity in the cell; both are among
    /// the identities compared.)
    /// </summary>
    public bool HasSidesOf(PolicySet other) =>
        ReferenceEquals(this, other)
        || (Policies == other.Policies
            && ReferenceEquals(_order, other._order)
            && _ingress.AsSpan().SequenceEqual(other._ingress, ReferenceEqualityComparer.Instance)
            && _egress.AsSpan().SequenceEqual(other._egress, ReferenceEqualityComparer.Instance)
            && HasIdentitiesOf(other));

    /// <summary>
    /// The sides (identity and direction) whose rules were compiled anew when this set was compiled
    /// from an edit of <paramref name="previous"/> (<see cref="IsEditOf"/>), in identity number
    /// order, ingress first. Every other side's rules are exactly those of <paramref name="previous"/>,
    /// down to each entry's policy number, policy rank and rule index, so a backend keeps what it
    /// built for them from those. (Positions in <see cref="Policies"/> and <see cref="Rules"/> move
    /// when an edit adds or removes a policy or a rule.) Null when this set is not an edit of that one.
    /// </summary>
    public IReadOnlyList<(Identity Identity, Direction Direction)>? SidesChangedSince(PolicySet previous)
    {
        if (!IsEditOf(previous))
        {
            return null;
        }

        var sides = new List<(Identity, Direction)>();
        if (_rebuiltGroups.Count == 0)
        {
            return sides;
        }

        foreach (var index in Compiled.ByNumber)
        {
            var group = _groupOf[index];
            if (group < 0 || !_rebuiltGroups.Contains(group))
            {
                continue;
            }

            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!ReferenceEquals(GroupTable(group, direction), previous.GroupTable(group, direction)))
                {
                    sides.Add((Identities[index], direction));
                }
            }
        }

        return sides;
    }

    /// <summary>
    /// The positions of a table's keys ordered by peer number ("any peer" first) and protocol: the
    /// order backends and the version see, which unlike identity positions is stable across compilations.
    /// </summary>
    internal int[] KeysByPeerNumber(RuleTable table)
    {
        var order = new ulong[table.KeyCount];
        var positions = new int[table.KeyCount];
        for (var k = 0; k < positions.Length; k++)
        {
            var (peer, protocol) = RuleTable.Split(table.Entry(k).Key);
            var number = peer == RuleTable.AnyPeer ? 0 : Identities[peer].Number;
            order[k] = ((ulong)number << 8) | protocol;
            positions[k] = k;
        }

        Array.Sort(order, positions);
        return positions;
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

    /// <summary>The rule a table of the direction holds under <paramref name="key"/>.</summary>
    internal RuleReference Rule(RuleKey key, Direction direction) => Rules[RulePosition(key, direction)];

    /// <summary>The position in <see cref="Rules"/> of the rule a table of the direction holds under <paramref name="key"/>.</summary>
    internal int RulePosition(RuleKey key, Direction direction) => _layout.First(_order.PositionOfRank(key.Rank), direction) + key.Index;

    /// <summary>The rule under <paramref name="key"/> and its policy's number, from one search for the rank.</summary>
    private (RuleReference Rule, int PolicyNumber) Named(RuleKey key, Direction direction)
    {
        var policy = _order.PositionOfRank(key.Rank);
        return (Rules[_layout.First(policy, direction) + key.Index], _order.Number(policy));
    }

    /// <summary>The policy of a rank rule tables hold.</summary>
    internal NetworkPolicy PolicyOfRank(int rank) => Policies[_order.PositionOfRank(rank)];

    /// <summary>Where each policy's rules are in <see cref="Rules"/>.</summary>
    internal RuleLayout Layout => _layout;

    /// <summary>How this set's tables name its policies.</summary>
    internal PolicyOrder Order => _order;

    /// <summary>The rule table of a workload group in a direction; null when no policy isolates it there.</summary>
    internal RuleTable? GroupTable(int group, Direction direction) =>
        direction == Direction.Ingress ? _ingress[group] : _egress[group];

    /// <summary>The rule table of an identity in a direction; null when no policy isolates it there.</summary>
    internal RuleTable? Table(int identity, Direction direction)
    {
        var group = _groupOf[identity];
        if (group < 0)
        {
            return null;
        }

        return GroupTable(group, direction);
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

    /// <summary>What this set was compiled from apart from rules, which the next compilation may reuse.</summary>
    internal CompiledInventory Compiled { get; }

    /// <summary>The workload group of an identity, -1 for world and CIDR identities.</summary>
    internal int GroupOf(int identity) => _groupOf[identity];

    /// <summary>The innermost policy CIDR cell of an identity, which ipBlock entries match on; -1 when none.</summary>
    internal int CellOf(int identity) => _cellOf[identity];
}
