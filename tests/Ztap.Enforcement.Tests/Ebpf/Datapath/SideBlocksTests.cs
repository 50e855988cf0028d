using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

public sealed class SideBlocksTests
{
    // Nested and disjoint prefixes of both families: cidrs and excepts are drawn from these.
    private static readonly string[] Prefixes =
    [
        "0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.0.0/24", "10.0.0.0/30", "10.0.0.2/32", "10.0.9.0/24",
        "10.1.0.0/16", "192.0.2.0/24", "192.0.2.128/25", "::/0", "fd00::/64", "fd00::/120", "fd00::100/120", "2001:db8::/32",
    ];

    private static readonly IPAddress[] Probes =
    [
        .. SampleEstate.Addresses,
        .. new[] { "10.0.0.0", "10.0.0.4", "10.0.0.255", "10.0.1.1", "10.0.9.0", "10.2.0.1", "11.0.0.1", "192.0.2.1", "192.0.2.200", "fd00::ff", "fd00::1:1", "2001:db8::5", "2001:db9::1" }
            .Select(IPAddress.Parse),
    ];

    private static readonly Gen<string> Port = Gen.OneOf(
        Gen.Const("{protocol: TCP, port: 443}"),
        Gen.Const("{protocol: TCP, port: 440, endPort: 450}"),
        Gen.Const("{protocol: UDP, port: 53}"),
        Gen.Const("{protocol: SCTP, port: 443}"));

    private static readonly Gen<string> Block =
        Gen.Select(Gen.OneOf(Prefixes), Gen.OneOf(Prefixes).Array[0, 3], (cidr, excepts) =>
        {
            var network = IPNetwork.Parse(cidr);
            var inside = excepts.Distinct().Where(e => IPNetwork.Parse(e) is var n && n.PrefixLength > network.PrefixLength && network.Contains(n.BaseAddress)).ToList();
            return inside.Count == 0
                ? $"{{ipBlock: {{cidr: \"{cidr}\"}}}}"
                : $"{{ipBlock: {{cidr: \"{cidr}\", except: [{string.Join(", ", inside.Select(e => $"\"{e}\""))}]}}}}";
        });

    private static readonly Gen<string> Rule =
        Gen.Select(Block.Array[1, 2], Port.Array[0, 2], (blocks, ports) =>
            $"    - peers: [{string.Join(", ", blocks)}]\n" + (ports.Length == 0 ? "" : $"      ports: [{string.Join(", ", ports.Distinct())}]\n"));

    private static readonly Gen<string> Policies =
        Gen.Select(Rule.Array[1, 4], Rule.Array[0, 3], Gen.Bool, (egress, ingress, selectors) =>
        {
            var text = new StringBuilder("apiVersion: ztap/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: prod}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  egress:\n");
            text.Append(string.Concat(egress).Replace("peers:", "to:", StringComparison.Ordinal));
            if (selectors)
            {
                text.Append("    - to: [{podSelector: {matchLabels: {app: api}}}]\n      ports: [{protocol: TCP, port: 443}]\n");
            }

            text.Append("---\napiVersion: ztap/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: prod}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n");
            text.Append(string.Concat(ingress).Replace("peers:", "from:", StringComparison.Ordinal));
            return text.ToString();
        });

    [Fact]
    public void The_entries_decide_ipBlocks_with_nested_excepts_as_the_engine_does()
    {
        Policies.Sample(
            yaml =>
            {
                var set = SampleEstate.Compile(yaml);
                var model = new DatapathModel(DatapathImage.Build(set, []));
                var engine = new PolicyEngine(set);
                foreach (var (source, destination) in Pairs())
                {
                    foreach (var (protocol, port) in new[] { (Protocol.Tcp, 443), (Protocol.Tcp, 445), (Protocol.Udp, 53), (Protocol.Sctp, 443), (Protocol.Icmp, 0) })
                    {
                        var flow = new Flow(source, destination, protocol, port);
                        Assert.True(engine.Decide(flow) == model.Decide(flow), $"{flow}: engine {engine.Decide(flow)}, entries {model.Decide(flow)}\n{yaml}");
                    }
                }
            },
            iter: 60);
    }

    [Fact]
    public void A_rule_to_the_internet_except_the_estate_costs_a_few_entries_however_many_cidrs_there_are()
    {
        const int apps = 2000;
        var yaml = new StringBuilder();
        for (var app = 0; app < apps; app++)
        {
            var partner = string.Create(CultureInfo.InvariantCulture, $"100.{app >> 8}.{app & 0xff}");
            yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: ztap/v1\nkind: NetworkPolicy\nmetadata: {{name: p{app}, namespace: prod}}\nspec:\n  podSelector: {{matchLabels: {{app: {(app % 50 == 0 ? "web" : "api")}}}}}\n  egress:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    - to: {{ipBlock: {{cidr: {partner}.0/24, except: [{partner}.128/25]}}}}\n      ports: [{{protocol: TCP, port: 443}}]\n");
            if (app % 50 == 0)
            {
                yaml.Append("    - to: {ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}\n      ports: [{protocol: TCP, port: 443}]\n");
            }

            yaml.Append("---\n");
        }

        var loaded = PolicyLoader.Parse(yaml.ToString(), "policies.yaml", InputLimits.Default);
        var set = PolicyCompiler.Compile(loaded.Policies, SampleEstate.Inventory());
        var image = DatapathImage.Build(set, []);

        // web and api have two identities each (an IPv4 one inside 10.0.0.0/8 and an IPv6 one). Each
        // identity's egress side holds the cidrs and excepts of its own policies, and an allowed entry
        // per prefix an ipBlock allows there: about 2 x 2 x apps in all, never one per covered identity
        // (the internet rules alone would be 2 x 40 x 4,000 of those).
        Assert.True(set.Prefixes.Length > 2 * apps);
        Assert.InRange(image.Blocks.Count, 2 * 2 * apps, (2 * 2 * apps) + (2 * 2 * apps / 50));
        Assert.InRange(image.Policy.Count, 1, image.Blocks.Count);
        DatapathCapacity.Check(image);
        var engine = new PolicyEngine(set);
        var model = new DatapathModel(image);
        foreach (var destination in new[] { "100.0.5.1", "100.0.5.200", "100.7.200.9", "10.0.0.2", "8.8.8.8" }.Select(IPAddress.Parse))
        {
            var flow = new Flow(IPAddress.Parse("10.0.0.1"), destination, Protocol.Tcp, 443);
            Assert.Equal(engine.Decide(flow), model.Decide(flow));
        }
    }

    private static IEnumerable<(IPAddress Source, IPAddress Destination)> Pairs() =>
        from workload in SampleEstate.Addresses.Take(3).Concat(SampleEstate.Addresses.Skip(6).Take(2))
        from other in Probes
        where workload.AddressFamily == other.AddressFamily
        from pair in new[] { (workload, other), (other, workload) }
        select pair;
}
