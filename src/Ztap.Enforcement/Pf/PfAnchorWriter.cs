using System.Globalization;
using System.Text;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Pf;

/// <summary>
/// Writes the pf anchor for a set and this host's workloads. Every rule is <c>quick</c>, so the
/// first match decides despite pf's last-match default: neighbour discovery and a workload's
/// traffic to itself first, then per isolated identity and direction its allow rules followed by
/// one block for everything else of that identity; an identity no policy isolates gets one pass.
/// Every pass keeps state, which lets the replies of allowed connections through.
/// </summary>
internal static class PfAnchorWriter
{
    public const string AllowLabel = "ztap-allow-";
    public const string DenyLabel = "ztap-deny-";

    public static string Write(PolicySet set, IReadOnlyList<HostWorkload> hosts, EnforcementMode mode)
    {
        var ruleIndex = set.Rules.Select((rule, index) => KeyValuePair.Create(rule, index)).ToDictionary(ReferenceEqualityComparer.Instance);
        var policyIndex = set.Policies.Select((policy, index) => KeyValuePair.Create(policy, index)).ToDictionary(ReferenceEqualityComparer.Instance);
        var identities = set.Identities.ToDictionary(i => i.Number);
        var locals = hosts.SelectMany(h => h.Addresses.Select((address, i) => (Address: address, Identity: h.Identities[i]))).ToList();
        var tables = new PfTables(set);
        var rules = new StringBuilder();

        rules.Append("# IPv6 neighbour discovery carries no flow and must always pass.\n");
        rules.Append("pass quick inet6 proto ipv6-icmp all icmp6-type { routersol, routeradv, neighbrsol, neighbradv, redir } no state\n");
        rules.Append("# A workload's traffic to itself is always allowed.\n");
        foreach (var (address, _) in locals)
        {
            rules.Append(CultureInfo.InvariantCulture, $"pass quick from {address} to {address} keep state\n");
        }

        foreach (var direction in new[] { Direction.Egress, Direction.Ingress })
        {
            foreach (var number in locals.Select(l => l.Identity).Distinct().Order())
            {
                var subject = set.RulesOf(identities[number], direction);
                var self = "<" + tables.Addresses(locals.Where(l => l.Identity == number).Select(l => l.Address)) + ">";
                var way = direction == Direction.Egress ? "out" : "in";
                var (from, to) = direction == Direction.Egress ? (self, "any") : ("any", self);
                rules.Append(CultureInfo.InvariantCulture, $"# {(direction == Direction.Egress ? "egress" : "ingress")} of identity {number} ({identities[number]})\n");
                if (!subject.Isolated)
                {
                    // Not isolated: everything passes, with state, so that the replies pass the
                    // other direction even when that one is isolated.
                    rules.Append(CultureInfo.InvariantCulture, $"pass {way} quick from {from} to {to} keep state\n");
                    continue;
                }

                var groups = subject.Entries
                    .GroupBy(e => (Rule: ruleIndex[e.Rule], e.Protocol, e.FromPort, e.ToPort, Any: e.Peer is null))
                    .OrderBy(g => g.Key.Rule);
                foreach (var group in groups)
                {
                    var peer = group.Key.Any ? "any" : "<" + tables.Identities(group.Select(e => e.Peer!.Value).ToHashSet()) + ">";
                    Pass(rules, way, direction, self, peer, group.Key.Protocol, group.Key.FromPort, group.Key.ToPort, group.Key.Rule);
                }

                foreach (var block in subject.Blocks)
                {
                    Pass(rules, way, direction, self, "<" + tables.Block(block.Block) + ">", block.Protocol, block.FromPort, block.ToPort, ruleIndex[block.Rule]);
                }

                var denying = policyIndex[subject.IsolatingPolicies[0]];
                var verdict = mode == EnforcementMode.Audit ? "pass" : "block drop";
                rules.Append(CultureInfo.InvariantCulture, $"{verdict} {way} log quick from {from} to {to} label \"{DenyLabel}{denying}\"\n");
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# ztap policy set {set.Version} (pf, mode {(mode == EnforcementMode.Audit ? "audit" : "enforce")})\n");
        text.Append(CultureInfo.InvariantCulture, $"# for {string.Join(", ", hosts.Select(h => $"{h.Workload} ({string.Join(" ", h.Addresses)})"))}\n");
        text.Append(CultureInfo.InvariantCulture, $"# Loaded with pfctl -a {PfLocation.Anchor} -f, which replaces the anchor's tables and rules at once.\n");
        text.Append("# Labels: ztap-allow-N counts rule N of the set, ztap-deny-N what policy N denied.\n");
        foreach (var (name, entries) in tables.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"table <{name}> const {{ {string.Join(", ", entries)} }}\n");
        }

        text.Append(rules);
        return text.ToString();
    }

    private static void Pass(StringBuilder rules, string way, Direction direction, string self, string peer, Protocol? protocol, int fromPort, int toPort, int rule)
    {
        var (from, to) = direction == Direction.Egress ? (self, peer) : (peer, self);
        var label = $"label \"{AllowLabel}{rule}\"";
        if (protocol is null)
        {
            rules.Append(CultureInfo.InvariantCulture, $"pass {way} quick from {from} to {to} keep state {label}\n");
        }
        else if (protocol == Protocol.Icmp)
        {
            // ICMP has no ports: the engine decides it as port 0.
            if (fromPort == 0)
            {
                rules.Append(CultureInfo.InvariantCulture, $"pass {way} quick inet proto icmp from {from} to {to} keep state {label}\n");
                rules.Append(CultureInfo.InvariantCulture, $"pass {way} quick inet6 proto ipv6-icmp from {from} to {to} keep state {label}\n");
            }
        }
        else
        {
            var name = protocol.Value.ToString().ToLowerInvariant();
            var ports = fromPort == 0 && toPort == ushort.MaxValue ? ""
                : fromPort == toPort ? string.Create(CultureInfo.InvariantCulture, $" port {fromPort}")
                : string.Create(CultureInfo.InvariantCulture, $" port {fromPort}:{toPort}");
            rules.Append(CultureInfo.InvariantCulture, $"pass {way} quick proto {name} from {from} to {to}{ports} keep state {label}\n");
        }
    }
}
