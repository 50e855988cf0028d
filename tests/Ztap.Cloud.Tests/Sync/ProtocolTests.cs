namespace Ztap.Cloud.Tests.Sync;

public sealed class ProtocolTests
{
    private const string IcmpFromBoth = """
        apiVersion: ztap/v1
        kind: NetworkPolicy
        metadata: { name: ping, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: db } }
          ingress:
            - from: [ { ipBlock: { cidr: 10.9.0.0/16 } }, { ipBlock: { cidr: "2001:db8:9::/48" } } ]
              ports: [ { protocol: ICMP } ]
        """;

    private const string SctpPort = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: signalling, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: db } }
          ingress:
            - ports: [ { protocol: SCTP, port: 3868 } ]
        """;

    private const string WebToIPv6Db = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web-out, namespace: prod }
        spec:
          podSelector: { matchLabels: { app: web } }
          policyTypes: [ Egress ]
          egress:
            - to: [ { podSelector: { matchLabels: { app: db } } } ]
              ports: [ { protocol: UDP, port: 53, endPort: 54 } ]
        """;

    [Fact]
    public async Task ICMP_becomes_icmp_for_IPv4_peers_and_icmpv6_for_IPv6_peers()
    {
        await using var aws = SyncTests.World();

        await aws.SyncAsync(IcmpFromBoth);

        var rules = aws.Group("ztap-prod/ping").Ingress.Select(r => $"{r.Protocol} {r.FromPort} {r.ToPort} {r.Cidr}").Order();
        Assert.Equal(["icmp -1 -1 10.9.0.0/16", "icmpv6 -1 -1 2001:db8:9::/48"], rules);
    }

    [Fact]
    public async Task SCTP_with_a_port_is_refused_because_a_rule_would_open_every_port()
    {
        await using var aws = SyncTests.World();

        var plan = await aws.PlanAsync(SctpPort);

        Assert.Contains(plan.Errors, e => e.Contains("SCTP ports 3868-3868", StringComparison.Ordinal));
        Assert.Equal(0, aws.Ec2.MutatingCalls);
    }

    [Fact]
    public async Task IPv6_addresses_of_peers_become_128_bit_blocks_and_port_ranges_stay_ranges()
    {
        await using var aws = new SyncHarness();
        aws.Instance("i-web", "10.0.1.10", ("app", "web"));
        aws.Instance("i-db", "10.0.2.10,2001:db8::a", ("app", "db"));

        await aws.SyncAsync(WebToIPv6Db);

        var rules = aws.Group("ztap-prod/web-out").Egress.Select(r => $"{r.Protocol} {r.FromPort}-{r.ToPort} {r.Cidr}").Order();
        Assert.Equal(["udp 53-54 10.0.2.10/32", "udp 53-54 2001:db8::a/128"], rules);
    }
}
