using System.Net;
using Ztap.Core.Diagnostics;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Policy;

public sealed class ZtapV1PolicyReaderTests
{
    [Fact]
    public void A_seed_format_policy_is_read()
    {
        var policy = PolicyText.Single("""
            apiVersion: ztap/v1
            kind: NetworkPolicy
            metadata:
              name: web-to-db
            spec:
              podSelector:
                matchLabels:
                  app: web
              egress:
                - to:
                    podSelector:
                      matchLabels:
                        app: db
                  ports:
                    - protocol: TCP
                      port: 5432
            """);

        Assert.Equal(("default/web-to-db", PolicyDialect.ZtapV1), (policy.QualifiedName, policy.Dialect));
        Assert.Equal("app=web", policy.PodSelector.ToString());
        Assert.Equal(PolicyTypes.Egress, policy.PolicyTypes);
        var rule = Assert.Single(policy.Egress);
        Assert.Equal("workloads app=db", Assert.Single(rule.Peers).ToString());
        Assert.Equal(new PolicyPort(Protocol.Tcp, 5432, null, null), Assert.Single(rule.Ports));
    }

    [Fact]
    public void Peers_may_be_one_mapping_or_a_list()
    {
        var policy = PolicyText.Single(PolicyText.ZtapV1("""
            ingress:
              - from: {namespaceSelector: {matchLabels: {env: prod}}}
              - from:
                  - ipBlock: {cidr: 192.168.0.0/16}
                  - podSelector: {matchExpressions: [{key: app, operator: Exists}]}
            """));

        Assert.Equal(["namespaces env=prod"], policy.Ingress[0].Peers.Select(p => p.ToString()));
        Assert.Equal(["ipBlock 192.168.0.0/16", "workloads app"], policy.Ingress[1].Peers.Select(p => p.ToString()));
    }

    [Fact]
    public void Podselector_may_be_left_out_to_select_every_workload()
    {
        var policy = PolicyText.Single(PolicyText.ZtapV1("ingress: []"));

        Assert.True(policy.PodSelector.IsEmpty);
    }

    [Theory]
    [InlineData("ICMP")]
    [InlineData("icmp")]
    [InlineData("ICMPv6")]
    public void ICMP_is_allowed_without_ports(string protocol)
    {
        var policy = PolicyText.Single(PolicyText.ZtapV1($"egress:\n  - ports: [{{protocol: {protocol}}}]"));

        Assert.Equal(new PolicyPort(Protocol.Icmp, null, null, null), Assert.Single(Assert.Single(policy.Egress).Ports));
    }

    [Fact]
    public void Protocols_are_read_in_any_case()
    {
        var policy = PolicyText.Single(PolicyText.ZtapV1("egress:\n  - ports: [{protocol: udp, port: 53}]"));

        Assert.Equal(Protocol.Udp, policy.Egress[0].Ports[0].Protocol);
    }

    [Theory]
    [InlineData("port: 8", 38, "spec.egress[0].ports[0].port", "ICMP has no ports; remove port")]
    [InlineData("endPort: 8", 41, "spec.egress[0].ports[0].endPort", "ICMP has no ports; remove endPort")]
    public void ICMP_with_a_port_is_an_error(string port, int column, string path, string message)
    {
        var error = PolicyText.SingleError(PolicyText.ZtapV1($"egress:\n  - ports: [{{protocol: ICMP, {port}}}]"));

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal(new SourceLocation(PolicyText.File, 8, column), error.Location);
    }

    [Fact]
    public void Host_bits_are_an_error()
    {
        var error = PolicyText.SingleError(PolicyText.ZtapV1("egress:\n  - to: {ipBlock: {cidr: 10.0.1.1/24}}"));

        Assert.Equal("10.0.1.1/24 has host bits set; it means 10.0.1.0/24", error.Message);
        Assert.Equal("spec.egress[0].to.ipBlock.cidr", error.FieldPath);
    }

    [Fact]
    public void Host_bits_in_except_are_an_error_too()
    {
        var error = PolicyText.SingleError(PolicyText.ZtapV1("egress:\n  - to: {ipBlock: {cidr: \"fd00::/8\", except: [\"fd00::1/64\"]}}"));

        Assert.Equal("fd00::1/64 has host bits set; it means fd00::/64", error.Message);
        Assert.Equal("spec.egress[0].to.ipBlock.except[0]", error.FieldPath);
    }

    [Fact]
    public void IPv6_blocks_are_read()
    {
        var policy = PolicyText.Single(PolicyText.ZtapV1("egress:\n  - to: {ipBlock: {cidr: \"2001:db8::/32\", except: [\"2001:db8:1::/48\"]}}"));

        var block = policy.Egress[0].Peers[0].IpBlock!;
        Assert.Equal(IPNetwork.Parse("2001:db8::/32"), block.Cidr);
        Assert.Equal(IPNetwork.Parse("2001:db8:1::/48"), Assert.Single(block.Except));
    }
}
