using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary>A rule in words: "to workloads app=db on TCP/5432", "from any peer on any port".</summary>
internal static class RuleText
{
    public static PolicyRule Rule(RuleReference reference) => reference.Policy.Rules(reference.Direction)[reference.RuleIndex];

    public static IEnumerable<string> Peers(PolicyRule rule) => rule.Peers.Select(p => p.ToString());

    public static IEnumerable<string> Ports(PolicyRule rule) => rule.Ports.Select(p => p.ToString());

    public static string Describe(RuleReference reference)
    {
        var rule = Rule(reference);
        var preposition = reference.Direction == Direction.Ingress ? "from" : "to";
        var peers = rule.Peers.IsEmpty ? "any peer" : string.Join(" or ", Peers(rule));
        var ports = rule.Ports.IsEmpty ? "any port" : string.Join(", ", Ports(rule));
        return $"{preposition} {peers} on {ports}";
    }
}
