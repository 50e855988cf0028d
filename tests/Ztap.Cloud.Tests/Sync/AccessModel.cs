using System.Net;

namespace Ztap.Cloud.Tests.Sync;

/// <summary>
/// What a fake EC2's Security Groups allow, side by side: for each instance, the egress it may send
/// and the ingress it may receive, over a fixed set of probe addresses and TCP ports. Kept per side
/// because groups add up per side, so a side that opened too far shows even when the other side
/// still blocks the flow.
/// </summary>
internal static class AccessModel
{
    private static readonly int[] Ports = [22, 443, 5432, 6432];
    private static readonly IPAddress[] Outside = [IPAddress.Parse("203.0.113.7"), IPAddress.Parse("192.168.1.1")];

    public static HashSet<string> Allowances(FakeEc2.FakeEc2State state)
    {
        var instances = state.Instances.Values.ToArray();
        var peers = instances.Select(i => (Address: i.Interfaces[0].Addresses[0], Groups: (IReadOnlyList<string>)i.Interfaces[0].GroupIds))
            .Concat(Outside.Select(a => (Address: a, Groups: (IReadOnlyList<string>)[])))
            .ToArray();
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var groups = instance.Interfaces[0].GroupIds.Select(id => state.Groups[id]).ToArray();
            foreach (var peer in peers.Where(p => !p.Address.Equals(instance.Interfaces[0].Addresses[0])))
            {
                foreach (var port in Ports)
                {
                    if (groups.Any(g => g.Egress.Any(r => r.Matches("tcp", port) && Admits(r, peer.Address, peer.Groups))))
                    {
                        allowed.Add($"{instance.Id} egress to {peer.Address} tcp/{port}");
                    }

                    if (groups.Any(g => g.Ingress.Any(r => r.Matches("tcp", port) && Admits(r, peer.Address, peer.Groups))))
                    {
                        allowed.Add($"{instance.Id} ingress from {peer.Address} tcp/{port}");
                    }
                }
            }
        }

        return allowed;
    }

    private static bool Admits(FakeEc2.FakeRule rule, IPAddress address, IReadOnlyList<string> groups) =>
        rule.Cidr is { } cidr ? cidr.Contains(address) : groups.Contains(rule.GroupId!);
}
