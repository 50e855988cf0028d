using Ztap.Core.Compiler;
using Ztap.Core.Policy;

namespace Ztap.Cloud.Sync;

/// <summary>
/// The last word before anything is planned: for every identity EC2 instances have, whatever the
/// ztap groups on those instances would allow must be allowed by the policy set. Security Groups
/// add up, so a rule that is right for one member of a group can be too much for another; the
/// classic case is a named port that resolves to different numbers on the instances a policy selects.
/// </summary>
internal static class WideningCheck
{
    public static IEnumerable<string> Problems(
        string vpcId, Identity identity, Direction direction, SubjectRules rules, Func<GroupKey, IReadOnlyCollection<PeerEntry>> entriesOf)
    {
        if (!rules.Isolated)
        {
            yield break;
        }

        var allowed = rules.Entries
            .Select(e => new PeerEntry(e.Peer, null, e.Protocol, e.FromPort, e.ToPort))
            .Concat(rules.Blocks.Select(b => new PeerEntry(null, b.Block, b.Protocol, b.FromPort, b.ToPort)))
            .GroupBy(e => (e.Peer, e.Block, e.Protocol))
            .ToDictionary(g => g.Key, g => g.Select(e => (e.FromPort, e.ToPort)).ToArray());
        foreach (var policy in rules.IsolatingPolicies)
        {
            var key = new GroupKey(vpcId, policy.QualifiedName);
            foreach (var entry in entriesOf(key))
            {
                if (!Covered(allowed, entry))
                {
                    yield return $"policy {policy.QualifiedName}: its group in {vpcId} would allow {direction.ToString().ToLowerInvariant()} "
                        + $"{entry} for instances of {identity}, which the policies do not allow "
                        + "(a Security Group gives every member the same rules; a named port that differs between members cannot be expressed)";
                }
            }
        }
    }

    // An entry is covered by entries for the same peer or for any peer, of its protocol or of all.
    private static bool Covered(Dictionary<(uint?, IpBlock?, Protocol?), (int From, int To)[]> allowed, PeerEntry entry)
    {
        var ranges = new List<(int From, int To)>();
        var peers = entry.AnyPeer ? [(null, null)] : new (uint?, IpBlock?)[] { (entry.Peer, entry.Block), (null, null) };
        foreach (var (peer, block) in peers)
        {
            foreach (var protocol in entry.Protocol is null ? [null] : new Protocol?[] { entry.Protocol, null })
            {
                if (allowed.TryGetValue((peer, block, protocol), out var found))
                {
                    ranges.AddRange(found);
                }
            }
        }

        var next = entry.FromPort;
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (from > next)
            {
                break;
            }

            next = Math.Max(next, to + 1);
            if (next > entry.ToPort)
            {
                return true;
            }
        }

        return next > entry.ToPort;
    }
}
