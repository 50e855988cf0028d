using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ztap.Core.Addressing;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// Writes the nftables ruleset for a set and this host's workloads: one table of ztap's own
/// (<c>inet ztap</c>) whose output hook checks the egress of packets from a local workload and
/// whose input hook checks the ingress of packets to one, each through a verdict map from the
/// local address to its identity's chain. The file deletes and recreates the table, so loading it
/// replaces the whole table in one transaction and no other table is touched. With a
/// <see cref="DeniedPacketLog"/>, the way to each denial first sends the packet to an NFLOG group
/// under one shared rate limit; the packets over it are counted in <c>denied_log_suppressed</c>.
/// </summary>
internal static class NftRulesetWriter
{
    public const string Table = "ztap";
    public const string SuppressedCounter = "denied_log_suppressed";

    // Neighbour discovery carries no flow and must pass whatever the policies say, or IPv6 stops working.
    private const string NeighbourDiscovery = "icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert, nd-redirect } accept";

    public static NftRuleset Write(PolicySet set, IReadOnlyList<HostWorkload> hosts, EnforcementMode mode, DeniedPacketLog? log = null)
    {
        var ruleIndex = set.Rules.Select((rule, index) => KeyValuePair.Create(rule, index)).ToDictionary(ReferenceEqualityComparer.Instance);
        var policyIndex = set.Policies.Select((policy, index) => KeyValuePair.Create(policy, index)).ToDictionary(ReferenceEqualityComparer.Instance);
        var identities = set.Identities.ToDictionary(i => i.Number);
        var segments = new AddressSegments(set);
        var locals = hosts.SelectMany(h => h.Addresses.Select((address, i) => (Address: address, Identity: h.Identities[i]))).ToList();

        var counters = new SortedSet<int>();
        var denials = new SortedSet<int>();
        var maps = new List<MapFill>();
        var sets = new StringBuilder();
        var chains = new StringBuilder();
        var dispatch = new Dictionary<(Direction, bool), List<string>>();
        foreach (var direction in new[] { Direction.Egress, Direction.Ingress })
        {
            foreach (var number in locals.Select(l => l.Identity).Distinct().Order())
            {
                var rules = set.RulesOf(identities[number], direction);
                if (!rules.Isolated)
                {
                    continue;
                }

                var chain = $"{Name(direction)}_{number}";
                var body = new StringBuilder();
                foreach (var isV4 in new[] { true, false })
                {
                    var verdicts = FamilyVerdicts.Build(rules, isV4, segments, ruleIndex);
                    WriteLookups(chain, direction, verdicts, sets, body, maps, counters);
                    var addresses = locals.Where(l => l.Identity == number && AddressKey.IsV4(l.Address) == isV4);
                    if (!dispatch.TryGetValue((direction, isV4), out var entries))
                    {
                        dispatch[(direction, isV4)] = entries = [];
                    }

                    entries.AddRange(addresses.Select(l => $"{l.Address} : jump {chain}"));
                }

                var denying = policyIndex[rules.IsolatingPolicies[0]];
                denials.Add(denying);
                chains.Append(CultureInfo.InvariantCulture, $"\tchain {chain} {{\n{body}{Denial(set, mode, log, direction, denying)}\t}}\n\n");
            }
        }

        var text = new StringBuilder();
        var logged = log is null ? "" : $", denied packets logged to NFLOG group {log.Group}";
        text.Append(CultureInfo.InvariantCulture, $"# ztap policy set {set.Version} (nftables, mode {(mode == EnforcementMode.Audit ? "audit" : "enforce")}{logged})\n");
        text.Append(CultureInfo.InvariantCulture, $"# for {string.Join(", ", hosts.Select(h => $"{h.Workload} ({string.Join(" ", h.Addresses)})"))}\n");
        text.Append("# Loaded with nft -f: the next two lines and the table below replace the table in one transaction.\n");
        text.Append(CultureInfo.InvariantCulture, $"table inet {Table}\ndelete table inet {Table}\n\ntable inet {Table} {{\n");
        foreach (var rule in counters)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tcounter allowed_by_rule_{rule} {{ comment \"{NftSyntax.Comment(set.Rules[rule].ToString())}\" }}\n");
        }

        foreach (var policy in denials)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tcounter denied_by_policy_{policy} {{ comment \"{NftSyntax.Comment(set.Policies[policy].QualifiedName)}\" }}\n");
        }

        if (log is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tcounter {SuppressedCounter} {{ comment \"denied packets over the log's rate limit, counted but not logged\" }}\n");
            text.Append(CultureInfo.InvariantCulture, $"\tlimit denied_log {{ rate {log.RatePerSecond}/second burst {log.Burst} packets }}\n");
        }

        text.Append('\n');
        foreach (var isV4 in new[] { true, false })
        {
            // Traffic from a workload to itself is always allowed, as in the engine.
            var self = locals.Where(l => AddressKey.IsV4(l.Address) == isV4).Select(l => $"{l.Address} . {l.Address}").ToList();
            var elements = self.Count > 0 ? $"\n\t\telements = {{ {string.Join(", ", self)} }}" : "";
            text.Append(CultureInfo.InvariantCulture, $"\tset self{Family(isV4)} {{\n\t\ttype {AddressType(isV4)} . {AddressType(isV4)}{elements}\n\t}}\n\n");
        }

        foreach (var ((direction, isV4), entries) in dispatch.Where(d => d.Value.Count > 0).OrderBy(d => d.Key.Item1).ThenByDescending(d => d.Key.Item2))
        {
            text.Append(CultureInfo.InvariantCulture, $"\tmap {Name(direction)}{Family(isV4)} {{\n\t\ttype {AddressType(isV4)} : verdict\n\t\telements = {{ {string.Join(", ", entries)} }}\n\t}}\n\n");
        }

        text.Append(sets);
        WriteHook(text, "output", Direction.Egress, dispatch);
        WriteHook(text, "input", Direction.Ingress, dispatch);
        text.Append(chains);
        foreach (var rule in counters)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tchain allow_rule_{rule} {{\n\t\tcounter name \"allowed_by_rule_{rule}\" accept\n\t}}\n\n");
        }

        var denied = mode == EnforcementMode.Audit ? "accept" : "drop";
        foreach (var policy in denials)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tchain deny_policy_{policy} {{\n\t\tcounter name \"denied_by_policy_{policy}\" {denied}\n\t}}\n\n");
        }

        text.Length -= 1;
        text.Append("}\n");
        return new NftRuleset(text.ToString(), [.. maps]);
    }

    /// <summary>
    /// The end of an identity's chain: straight to its denying policy, or, when denials are logged,
    /// through the shared limit to NFLOG first. A packet over the limit fails the <c>limit</c>
    /// match, so the next rule counts it instead. The prefix names the direction, which the shared
    /// <c>deny_policy_N</c> chain no longer knows.
    /// </summary>
    private static string Denial(PolicySet set, EnforcementMode mode, DeniedPacketLog? log, Direction direction, int policy)
    {
        if (log is null)
        {
            return $"\t\tgoto deny_policy_{policy}\n";
        }

        var prefix = NflogPrefix.For(mode, direction, policy, set.Version);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"\t\tlimit name \"denied_log\" log prefix \"{prefix}\" group {log.Group} goto deny_policy_{policy}\n\t\tcounter name \"{SuppressedCounter}\" goto deny_policy_{policy}\n");
    }

    private static void WriteHook(StringBuilder text, string hook, Direction direction, Dictionary<(Direction, bool), List<string>> dispatch)
    {
        var (subject, peer) = direction == Direction.Egress ? ("saddr", "daddr") : ("daddr", "saddr");
        text.Append(CultureInfo.InvariantCulture, $"\tchain {hook} {{\n\t\ttype filter hook {hook} priority filter; policy accept;\n");
        text.Append("\t\tct state established,related accept\n");
        text.Append(CultureInfo.InvariantCulture, $"\t\t{NeighbourDiscovery}\n");
        foreach (var isV4 in new[] { true, false })
        {
            var ip = isV4 ? "ip" : "ip6";
            text.Append(CultureInfo.InvariantCulture, $"\t\t{ip} {subject} . {ip} {peer} @self{Family(isV4)} accept\n");
        }

        foreach (var isV4 in new[] { true, false })
        {
            if (dispatch.TryGetValue((direction, isV4), out var entries) && entries.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\t\t{(isV4 ? "ip" : "ip6")} {subject} vmap @{Name(direction)}{Family(isV4)}\n");
            }
        }

        text.Append("\t}\n\n");
    }

    private static void WriteLookups(string chain, Direction direction, FamilyVerdicts verdicts, StringBuilder sets, StringBuilder body, List<MapFill> maps, SortedSet<int> counters)
    {
        var isV4 = verdicts.IsV4;
        var ip = isV4 ? "ip" : "ip6";
        var peer = direction == Direction.Egress ? "daddr" : "saddr";
        var family = Family(isV4);
        if (!verdicts.Ports.IsEmpty)
        {
            var name = $"{chain}_ports{family}";
            WriteMap(sets, maps, name, $"{AddressType(isV4)} . inet_proto . inet_service", verdicts.Ports.Select(p =>
                (Key: $"{NftSyntax.Range(isV4, p.Element.First, p.Element.Last)} . {NftSyntax.Protocol(p.Protocol)} . {NftSyntax.Ports(p.Element.FromPort, p.Element.ToPort)}", p.Element.Rule)), counters);
            body.Append(CultureInfo.InvariantCulture, $"\t\t{ip} {peer} . meta l4proto . th dport vmap @{name}\n");
        }

        if (!verdicts.Icmp.IsEmpty)
        {
            var name = $"{chain}_icmp{family}";
            WriteMap(sets, maps, name, AddressType(isV4), verdicts.Icmp.Select(e => (NftSyntax.Range(isV4, e.First, e.Last), e.Rule)), counters);
            body.Append(CultureInfo.InvariantCulture, $"\t\tmeta l4proto {(isV4 ? "icmp" : "ipv6-icmp")} {ip} {peer} vmap @{name}\n");
        }

        if (!verdicts.Other.IsEmpty)
        {
            var name = $"{chain}_any{family}";
            WriteMap(sets, maps, name, AddressType(isV4), verdicts.Other.Select(e => (NftSyntax.Range(isV4, e.First, e.Last), e.Rule)), counters);
            body.Append(CultureInfo.InvariantCulture, $"\t\t{ip} {peer} vmap @{name}\n");
        }
    }

    private static void WriteMap(StringBuilder sets, List<MapFill> maps, string name, string type, IEnumerable<(string Key, int Rule)> elements, SortedSet<int> counters)
    {
        sets.Append(CultureInfo.InvariantCulture, $"\tmap {name} {{\n\t\ttype {type} : verdict\n\t\tflags interval\n\t\telements = {{\n");
        var count = 0;
        foreach (var (key, rule) in elements)
        {
            sets.Append(CultureInfo.InvariantCulture, $"\t\t\t{key} : goto allow_rule_{rule},\n");
            counters.Add(rule);
            count++;
        }

        sets.Append("\t\t}\n\t}\n\n");
        maps.Add(new MapFill(name, count, 0));
    }

    private static string Name(Direction direction) => direction == Direction.Egress ? "egress" : "ingress";

    private static string Family(bool isV4) => isV4 ? "4" : "6";

    private static string AddressType(bool isV4) => isV4 ? "ipv4_addr" : "ipv6_addr";
}
