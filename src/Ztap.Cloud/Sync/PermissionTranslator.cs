using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Ztap.Cloud.Addressing;
using Ztap.Cloud.SecurityGroups;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// Turns a group's allow entries into Security Group rules. Peers whose instances are exactly the
/// members of some ztap group in the same VPC become a reference to that group; every other
/// address becomes the fewest CIDR blocks covering exactly the peers' addresses.
/// </summary>
internal sealed class PermissionTranslator(GroupMembership membership, IdentityAddresses addresses)
{
    private readonly Dictionary<(string VpcId, string Peers), (ImmutableArray<string> Groups, ImmutableArray<IPNetwork> Blocks)> _cache = [];

    public void Translate(GroupKey key, Direction direction, IEnumerable<PeerEntry> entries, ISet<GroupRule> rules, List<string> errors)
    {
        foreach (var ports in entries.GroupBy(e => (e.Protocol, e.FromPort, e.ToPort)))
        {
            var mapping = ProtocolMapping.For(ports.Key.Protocol, ports.Key.FromPort, ports.Key.ToPort, out var problem);
            if (mapping is not { } protocol)
            {
                errors.Add($"policy {key.Policy}: {direction.ToString().ToLowerInvariant()} {problem}");
                continue;
            }

            if (ports.Any(e => e.AnyPeer))
            {
                rules.Add(Rule(direction, protocol.IPv4Protocol, protocol, RulePeer.Block(IPNetwork.Parse("0.0.0.0/0"))));
                rules.Add(Rule(direction, protocol.IPv6Protocol, protocol, RulePeer.Block(IPNetwork.Parse("::/0"))));
                continue;
            }

            var (groups, blocks) = Peers(
                key.VpcId,
                [.. ports.Select(e => e.Peer).OfType<uint>().Distinct().Order()],
                [.. ports.Select(e => e.Block).OfType<IpBlock>().Distinct()]);
            foreach (var group in groups)
            {
                rules.Add(Rule(direction, protocol.IPv4Protocol, protocol, RulePeer.Managed(group)));
            }

            foreach (var block in blocks)
            {
                var ipv6 = block.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
                rules.Add(Rule(direction, ipv6 ? protocol.IPv6Protocol : protocol.IPv4Protocol, protocol, RulePeer.Block(block)));
            }
        }
    }

    private static AddressSet AddressesOf(IpBlock block) =>
        AddressSet.Of([AddressRange.Of(block.Cidr)]).Except(AddressSet.Of(block.Except.Select(AddressRange.Of)));

    private static GroupRule Rule(Direction direction, string ec2Protocol, ProtocolMapping mapping, RulePeer peer) =>
        IpPermissionMapping.HasPorts(ec2Protocol)
            ? new GroupRule(direction, ec2Protocol, mapping.FromPort, mapping.ToPort, peer)
            : new GroupRule(direction, ec2Protocol, -1, -1, peer);

    private (ImmutableArray<string> Groups, ImmutableArray<IPNetwork> Blocks) Peers(string vpcId, uint[] peers, IpBlock[] ipBlocks)
    {
        var cacheKey = (vpcId, string.Join(',', peers) + "|" + string.Join(',', ipBlocks.Select(b => b.ToString())));
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var wanted = peers.ToHashSet();
        var groups = peers
            .SelectMany(peer => membership.GroupsWith(vpcId, peer))
            .Distinct()
            .Where(g => membership.Referenceable(g) && membership.Footprint(g).IsSubsetOf(wanted))
            .OrderBy(g => g.Policy, StringComparer.Ordinal)
            .ToArray();
        var all = AddressSet.Union(peers.Select(addresses.Of).Concat(ipBlocks.Select(AddressesOf)));
        var remaining = all.Except(AddressSet.Union(groups.Select(membership.MemberIPv4))).ToCidrs().ToArray();
        var blocksOnly = all.ToCidrs().ToArray();

        // References follow instances as they come and go, but carving members out of a block can
        // cost more rules than it saves (a block around the members); take whichever is fewer.
        var result = groups.Length + remaining.Length <= blocksOnly.Length
            ? (ImmutableArray.CreateRange(groups.Select(g => ManagedGroupTags.GroupName(g.Policy))), ImmutableArray.Create(remaining))
            : ([], ImmutableArray.Create(blocksOnly));
        _cache.Add(cacheKey, result);
        return result;
    }
}
