using System.Net;
using System.Net.Sockets;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Tests.Pf;

/// <summary>
/// pf's matching as pf.conf(5) documents it, over the anchor text ztap writes: every rule is
/// evaluated in order and the last match wins, unless a matching rule is <c>quick</c>, which ends
/// the evaluation; a table matches an address when its most specific entry containing it is not
/// negated; a packet that no rule matches passes. Deliberately literal, to check the writer.
/// </summary>
internal sealed class PfEvaluator
{
    private readonly Dictionary<string, List<(IPNetwork Prefix, bool Negated)>> _tables = [];
    private readonly List<PfRule> _rules = [];

    public PfEvaluator(string anchor)
    {
        foreach (var line in anchor.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith("table ", StringComparison.Ordinal))
            {
                var name = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                var body = line[(line.IndexOf('{') + 1)..line.LastIndexOf('}')];
                _tables[name] = [.. body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Entry)];
            }
            else
            {
                _rules.Add(PfRule.Parse(line));
            }
        }
    }

    /// <summary>The rule that decides the packet (null: none matched, so it passes without state).</summary>
    public PfRule? Decide(bool outbound, IPAddress source, IPAddress destination, Protocol protocol, int port)
    {
        PfRule? last = null;
        foreach (var rule in _rules)
        {
            if (Matches(rule, outbound, source, destination, protocol, port))
            {
                last = rule;
                if (rule.Quick)
                {
                    break;
                }
            }
        }

        return last;
    }

    private bool Matches(PfRule rule, bool outbound, IPAddress source, IPAddress destination, Protocol protocol, int port)
    {
        var v4 = source.AddressFamily == AddressFamily.InterNetwork;
        if ((rule.Outbound is { } way && way != outbound) || (rule.V4 is { } family && family != v4))
        {
            return false;
        }

        if (rule.Protocol is { } name)
        {
            var number = protocol == Protocol.Icmp && !v4 ? 58 : (int)protocol;
            var wanted = name switch { "tcp" => 6, "udp" => 17, "sctp" => 132, "icmp" => 1, "ipv6-icmp" => 58, _ => -1 };
            if (number != wanted || rule.IcmpTypes)
            {
                // The flows are echo requests, never neighbour discovery.
                return false;
            }
        }

        return Address(rule.From, source) && Address(rule.To, destination)
            && (rule.Ports is not { } ports || (port >= ports.From && port <= ports.To));
    }

    private bool Address(string spec, IPAddress address)
    {
        if (spec == "any")
        {
            return true;
        }

        if (spec.StartsWith('<'))
        {
            var best = _tables[spec[1..^1]]
                .Where(e => e.Prefix.BaseAddress.AddressFamily == address.AddressFamily && e.Prefix.Contains(address))
                .OrderByDescending(e => e.Prefix.PrefixLength)
                .FirstOrDefault();
            return best.Prefix != default && !best.Negated;
        }

        return IPAddress.Parse(spec).Equals(address);
    }

    private static (IPNetwork, bool) Entry(string text)
    {
        var negated = text.StartsWith('!');
        var value = negated ? text[1..] : text;
        return (value.Contains('/') ? IPNetwork.Parse(value) : new IPNetwork(IPAddress.Parse(value), IPAddress.Parse(value).AddressFamily == AddressFamily.InterNetwork ? 32 : 128), negated);
    }
}
