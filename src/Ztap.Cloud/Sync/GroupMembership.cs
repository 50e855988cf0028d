using System.Collections.Immutable;
using Ztap.Cloud.Addressing;
using Ztap.Cloud.Discovery;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Which instances each ztap group goes on and what identities they have. A policy's group in a VPC
/// goes on the instances there whose identity the policy isolates, exactly as the compiler decided.
/// </summary>
internal sealed class GroupMembership
{
    private readonly Dictionary<GroupKey, List<Ec2Instance>> _members = [];
    private readonly Dictionary<GroupKey, HashSet<uint>> _footprints = [];
    private readonly Dictionary<(string VpcId, uint Identity), List<GroupKey>> _groupsWithIdentity = [];
    private readonly Dictionary<GroupKey, AddressSet> _memberIPv4 = [];
    private readonly Dictionary<string, Identity[]> _identitiesOf = new(StringComparer.Ordinal);

    public GroupMembership(PolicySet set, IReadOnlyList<Ec2Instance> instances, IdentityRules rules)
    {
        foreach (var instance in instances)
        {
            var identities = instance.Addresses.Select(set.IdentityOf).Where(i => i.Kind == IdentityKind.Workload).Distinct().ToArray();
            _identitiesOf[instance.InstanceId] = identities;
            foreach (var identity in identities)
            {
                Identities.Add((instance.VpcId, identity));
                foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
                {
                    foreach (var policy in rules.Of(identity, direction).IsolatingPolicies)
                    {
                        Join(new GroupKey(instance.VpcId, policy.QualifiedName), policy, instance, identities);
                    }
                }
            }
        }

        foreach (var (key, footprint) in _footprints)
        {
            foreach (var identity in footprint)
            {
                var vpcIdentity = (key.VpcId, identity);
                if (!_groupsWithIdentity.TryGetValue(vpcIdentity, out var keys))
                {
                    keys = [];
                    _groupsWithIdentity.Add(vpcIdentity, keys);
                }

                keys.Add(key);
            }
        }
    }

    /// <summary>Every (VPC, identity) that EC2 instances have.</summary>
    public HashSet<(string VpcId, Identity Identity)> Identities { get; } = [];

    /// <summary>The policies that have a group, by qualified name.</summary>
    public Dictionary<string, NetworkPolicy> Policies { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<GroupKey> Keys => _members.Keys;

    public IReadOnlyList<Identity> IdentitiesOf(Ec2Instance instance) => _identitiesOf[instance.InstanceId];

    public IReadOnlyList<Ec2Instance> Members(GroupKey key) => _members[key];

    /// <summary>Every identity of every member: a rule may name the group only when it allows all of them.</summary>
    public IReadOnlySet<uint> Footprint(GroupKey key) => _footprints[key];

    /// <summary>The groups of a VPC whose members include an address of this identity.</summary>
    public IReadOnlyList<GroupKey> GroupsWith(string vpcId, uint identity) =>
        _groupsWithIdentity.TryGetValue((vpcId, identity), out var keys) ? keys : [];

    /// <summary>The members' IPv4 addresses: what a rule naming the group admits, since EC2 matches group references by private IPv4 address.</summary>
    public AddressSet MemberIPv4(GroupKey key)
    {
        if (!_memberIPv4.TryGetValue(key, out var set))
        {
            set = AddressSet.Of(_members[key]
                .SelectMany(m => m.Addresses)
                .Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                .Select(AddressRange.Of));
            _memberIPv4.Add(key, set);
        }

        return set;
    }

    /// <summary>Whether a rule may name the group: not when a member has delegated prefixes, whose addresses no policy sees.</summary>
    public bool Referenceable(GroupKey key) => !_members[key].Any(m => m.HasDelegatedPrefixes);

    private void Join(GroupKey key, NetworkPolicy policy, Ec2Instance instance, Identity[] identities)
    {
        if (!_members.TryGetValue(key, out var members))
        {
            members = [];
            _members.Add(key, members);
            _footprints.Add(key, []);
            Policies.TryAdd(policy.QualifiedName, policy);
        }

        if (members.Count == 0 || !ReferenceEquals(members[^1], instance))
        {
            members.Add(instance);
        }

        _footprints[key].UnionWith(identities.Select(i => i.Number));
    }
}
