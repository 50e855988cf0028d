using System.Collections.Immutable;
using System.Globalization;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf;

/// <summary>Describes, entry by entry, what an apply would write into the datapath's maps.</summary>
internal static class EbpfPlan
{
    public static EnforcementPlan Describe(PolicySet set, IReadOnlyList<LocalSubject> subjects, DatapathImage image)
    {
        var identities = new PlanSection(
            "identities",
            ["identity", "stands for"],
            [.. set.Identities.Select(i => Row(Number(i.Number), i.ToString()))]);
        var ipcache = new PlanSection(
            "ipcache (address -> identity)",
            ["prefix", "identity"],
            [.. set.Prefixes.Select(p => Row(p.Prefix.ToString(), Number(p.Identity)))]);
        var attached = new PlanSection(
            "subjects (cgroup -> identity)",
            ["workload", "cgroup", "cgroup id", "identity"],
            [.. subjects.Select(s => Row(s.Workload.Workload, s.Workload.Cgroup, s.Workload.CgroupId.ToString(CultureInfo.InvariantCulture), Number(s.Workload.Identity)))]);
        var isolated = new PlanSection(
            "isolated (identity, direction -> first isolating policy)",
            ["identity", "direction", "policy"],
            [.. image.Isolated.Entries.Select(e => Row(Number(e.Key.Identity), DirectionName(e.Key.Direction), set.PolicyByNumber((int)e.Value.Policy)!.QualifiedName))]);
        var blocks = new PlanSection(
            "blocks (subject, direction, ipBlock prefix -> policy peer)",
            ["subject", "direction", "prefix", "peer"],
            [.. image.Blocks.Entries.Select(e => Row(
                Number(e.Key.Subject),
                DirectionName(e.Key.Direction),
                e.Key.ToNetwork().ToString(),
                e.Value == DatapathLimits.None ? "none" : Number(e.Value)))]);
        var policy = new PlanSection(
            "policy (subject, direction, peer, protocol, ports -> rule)",
            ["subject", "direction", "peer", "protocol", "ports", "rule"],
            [.. image.Policy.Entries.Select(e => Row(
                Number(e.Key.Subject),
                DirectionName(e.Key.Direction),
                e.Key.Peer == DatapathLimits.AnyPeer ? "any" : Number(e.Key.Peer),
                e.Key.Protocol == DatapathLimits.AnyProtocol ? "any" : ProtocolNames.Format((Protocol)e.Key.Protocol),
                Ports(e.Key),
                Rule(set, e.Key, e.Value)))]);
        return new EnforcementPlan("ebpf", set.Version, [identities, ipcache, attached, isolated, blocks, policy]);
    }

    private static ImmutableArray<string> Row(params string[] cells) => [.. cells];

    private static string Rule(PolicySet set, PolicyKey key, PolicyValue value) =>
        new RuleReference(set.PolicyByNumber((int)value.Policy)!, (Direction)key.Direction, (int)value.Rule).ToString();

    private static string Number(uint identity) => identity.ToString(CultureInfo.InvariantCulture);

    private static string DirectionName(uint direction) => direction == (uint)Direction.Ingress ? "ingress" : "egress";

    private static string Ports(PolicyKey key)
    {
        var block = new PortBlock(key.Port, (int)key.PrefixLength - PolicyKey.FixedBits);
        return block.First == block.Last
            ? Number(block.First)
            : string.Create(CultureInfo.InvariantCulture, $"{block.First}-{block.Last}");
    }
}
