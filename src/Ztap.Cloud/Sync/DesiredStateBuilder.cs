using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using Ztap.Cloud.Addressing;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.SecurityGroups;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Derives the ztap groups from a compiled <see cref="PolicySet"/>: one group per policy and VPC,
/// on the instances whose identity the policy isolates, holding the allow entries the compiler
/// attributed to that policy. Security Groups add up, and so do the allow rules of the policies
/// isolating a workload, so the groups on an instance allow exactly what its identity may do.
/// </summary>
public static class DesiredStateBuilder
{
    private static readonly PeerEntry[] NoEntries = [];

    public static DesiredState Build(PolicySet set, IReadOnlyList<Ec2Instance> instances)
    {
        var rules = new IdentityRules(set);
        var membership = new GroupMembership(set, instances, rules);
        var entries = CollectEntries(membership, rules);
        var errors = new List<string>();
        var notes = new List<string>();
        foreach (var (vpcId, identity) in membership.Identities.OrderBy(i => i.VpcId, StringComparer.Ordinal).ThenBy(i => i.Identity.Number))
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                var forDirection = direction;
                errors.AddRange(WideningCheck.Problems(vpcId, identity, direction, rules.Of(identity, direction),
                    key => entries.TryGetValue((key, forDirection), out var found) ? found : NoEntries));
            }
        }

        var translator = new PermissionTranslator(membership, new IdentityAddresses(set));
        var groups = ImmutableArray.CreateBuilder<DesiredGroup>();
        foreach (var key in membership.Keys.OrderBy(k => k.VpcId, StringComparer.Ordinal).ThenBy(k => k.Policy, StringComparer.Ordinal))
        {
            var groupRules = new HashSet<GroupRule>();
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (entries.TryGetValue((key, direction), out var found))
                {
                    translator.Translate(key, direction, found, groupRules, errors);
                }
            }

            AddOpenEgress(key, membership, rules, groupRules, notes);
            var members = membership.Members(key).Select(m => m.InstanceId).Order(StringComparer.Ordinal);
            groups.Add(new DesiredGroup(key, ManagedGroupTags.GroupName(key.Policy), [.. members], [.. groupRules]));
        }

        var groupsOfInstance = instances.ToDictionary(i => i.InstanceId, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var member in group.Members)
            {
                groupsOfInstance[member].Add(group.Name);
            }
        }

        return new DesiredState(
            groups.ToImmutable(),
            groupsOfInstance.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
            [.. errors.Distinct()],
            [.. notes]);
    }

    private static Dictionary<(GroupKey, Direction), HashSet<PeerEntry>> CollectEntries(GroupMembership membership, IdentityRules rules)
    {
        var entries = new Dictionary<(GroupKey, Direction), HashSet<PeerEntry>>();
        foreach (var (vpcId, identity) in membership.Identities)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                var subject = rules.Of(identity, direction);
                foreach (var entry in subject.Entries)
                {
                    Add(entries, new GroupKey(vpcId, entry.Rule.Policy.QualifiedName), direction, new PeerEntry(entry.Peer, null, entry.Protocol, entry.FromPort, entry.ToPort));
                }

                foreach (var block in subject.Blocks)
                {
                    Add(entries, new GroupKey(vpcId, block.Rule.Policy.QualifiedName), direction, new PeerEntry(null, block.Block, block.Protocol, block.FromPort, block.ToPort));
                }
            }
        }

        return entries;
    }

    private static void Add(Dictionary<(GroupKey, Direction), HashSet<PeerEntry>> entries, GroupKey key, Direction direction, PeerEntry entry)
    {
        if (!entries.TryGetValue((key, direction), out var set))
        {
            set = [];
            entries.Add((key, direction), set);
        }

        set.Add(entry);
    }

    // A policy that does not isolate egress leaves its instances' egress open, as a new Security
    // Group does, unless another policy isolates the egress of a member: then open egress on this
    // group would undo that isolation, so the group allows no egress and the note says so.
    private static void AddOpenEgress(GroupKey key, GroupMembership membership, IdentityRules rules, HashSet<GroupRule> groupRules, List<string> notes)
    {
        if (membership.Policies[key.Policy].Isolates(Direction.Egress))
        {
            return;
        }

        var isolated = membership.Members(key)
            .Where(m => membership.IdentitiesOf(m).Any(i => rules.Of(i, Direction.Egress).Isolated))
            .Select(m => m.InstanceId)
            .ToArray();
        if (isolated.Length > 0)
        {
            notes.Add($"group {ManagedGroupTags.GroupName(key.Policy)} in {key.VpcId} opens no egress: other policies isolate the egress of {string.Join(", ", isolated)}");
            return;
        }

        groupRules.Add(new GroupRule(Direction.Egress, GroupRule.AllProtocols, -1, -1, RulePeer.Block(IPNetwork.Parse("0.0.0.0/0"))));
        groupRules.Add(new GroupRule(Direction.Egress, GroupRule.AllProtocols, -1, -1, RulePeer.Block(IPNetwork.Parse("::/0"))));
    }
}
