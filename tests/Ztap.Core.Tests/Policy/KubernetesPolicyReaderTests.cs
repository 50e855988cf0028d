using System.Net;
using Ztap.Core.Diagnostics;
using Ztap.Core.Labels;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Policy;

public sealed class KubernetesPolicyReaderTests
{
    private const string Complete = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: api.allow-web
          namespace: prod
          labels:
            app.kubernetes.io/name: api
          annotations:
            description: "lets the web tier in"
        spec:
          podSelector:
            matchLabels:
              app: api
            matchExpressions:
              - {key: tier, operator: In, values: [backend, internal]}
              - {key: canary, operator: DoesNotExist}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - podSelector:
                    matchLabels: {app: web}
                - namespaceSelector:
                    matchLabels: {env: prod}
                  podSelector:
                    matchExpressions:
                      - {key: role, operator: NotIn, values: [batch]}
                - namespaceSelector: {}
              ports:
                - protocol: TCP
                  port: 8080
                - port: http
                - protocol: UDP
                  port: 5000
                  endPort: 5010
                - protocol: SCTP
          egress:
            - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except: [10.1.0.0/16, 10.2.3.0/24]
                - ipBlock:
                    cidr: fd00::/8
            - {}
        """;

    [Fact]
    public void Every_field_of_a_complete_policy_is_read()
    {
        var policy = PolicyText.Single(Complete);

        Assert.Equal(("api.allow-web", "prod", PolicyDialect.Kubernetes), (policy.Name, policy.Namespace, policy.Dialect));
        Assert.Equal("prod/api.allow-web", policy.QualifiedName);
        Assert.Equal(new SourceLocation(PolicyText.File, 1, 1), policy.Origin);
        Assert.Equal(LabelSet.From([new("app", "api")]), policy.PodSelector.MatchLabels);
        Assert.Equal(
            ["tier in (backend,internal)", "!canary"],
            policy.PodSelector.MatchExpressions.Select(e => e.ToString()));
        Assert.Equal(PolicyTypes.Ingress | PolicyTypes.Egress, policy.PolicyTypes);
    }

    [Fact]
    public void Ingress_peers_and_ports_are_read_in_order()
    {
        var rule = Assert.Single(PolicyText.Single(Complete).Ingress);

        Assert.Equal(
            ["workloads app=web", "namespaces env=prod / workloads role notin (batch)", "namespaces (all)"],
            rule.Peers.Select(p => p.ToString()));
        Assert.Equal(
            [
                new PolicyPort(Protocol.Tcp, 8080, null, null),
                new PolicyPort(Protocol.Tcp, null, "http", null),
                new PolicyPort(Protocol.Udp, 5000, null, 5010),
                new PolicyPort(Protocol.Sctp, null, null, null),
            ],
            rule.Ports.ToArray());
    }

    [Fact]
    public void Egress_ip_blocks_and_an_allow_all_rule_are_read()
    {
        var egress = PolicyText.Single(Complete).Egress;

        Assert.Equal(2, egress.Length);
        var blocks = egress[0].Peers.Select(p => p.IpBlock!).ToList();
        Assert.Equal(IPNetwork.Parse("10.0.0.0/8"), blocks[0].Cidr);
        Assert.Equal([IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("10.2.3.0/24")], blocks[0].Except.ToArray());
        Assert.Equal(IPNetwork.Parse("fd00::/8"), blocks[1].Cidr);
        Assert.True(egress[1].Peers.IsEmpty);
        Assert.True(egress[1].Ports.IsEmpty);
    }

    [Fact]
    public void Namespace_defaults_to_default()
    {
        var policy = PolicyText.Single("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all}
            spec: {podSelector: {}}
            """);

        Assert.Equal("default/deny-all", policy.QualifiedName);
        Assert.True(policy.PodSelector.IsEmpty);
        Assert.Equal(PolicyTypes.Ingress, policy.PolicyTypes);
        Assert.True(policy.Ingress.IsEmpty);
    }

    [Fact]
    public void Missing_or_empty_from_and_ports_mean_everything()
    {
        var policy = PolicyText.Single(PolicyText.Kubernetes("""
            podSelector: {}
            ingress:
              - from: []
                ports: []
              - ports:
              - from:
            """));

        Assert.All(policy.Ingress, rule => Assert.True(rule.Peers.IsEmpty && rule.Ports.IsEmpty));
        Assert.Equal(3, policy.Ingress.Length);
    }

    [Fact]
    public void Objects_exported_from_a_cluster_are_accepted()
    {
        var policy = PolicyText.Single("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: web
              namespace: prod
              uid: 0b6c3f1e-2f7a-4d7e-9d43-6f1b1c0d7a10
              resourceVersion: "4711"
              generation: 2
              creationTimestamp: "2024-05-01T10:00:00Z"
              managedFields: [{manager: kubectl}]
            spec:
              podSelector: {}
            status: {}
            """);

        Assert.Equal("prod/web", policy.QualifiedName);
    }

    [Fact]
    public void Host_bits_are_a_warning_that_names_the_network_meant()
    {
        var yaml = PolicyText.Kubernetes("""
            podSelector: {}
            egress:
              - to:
                  - ipBlock: {cidr: 10.0.1.1/24}
            """);

        var warning = PolicyText.SingleWarning(yaml);

        Assert.Equal("10.0.1.1/24 has host bits set; it means 10.0.1.0/24", warning.Message);
        Assert.Equal("spec.egress[0].to[0].ipBlock.cidr", warning.FieldPath);
        Assert.Equal(new SourceLocation(PolicyText.File, 10, 27), warning.Location);
        Assert.Equal("prod/web", warning.Subject);
        var block = PolicyText.Single(yaml).Egress[0].Peers[0].IpBlock!;
        Assert.Equal(IPNetwork.Parse("10.0.1.0/24"), block.Cidr);
    }

    [Fact]
    public void Windows_line_endings_are_read_with_the_same_positions()
    {
        var broken = Complete.Replace("port: 8080", "port: 0", StringComparison.Ordinal);

        var unix = Assert.Single(PolicyText.Load(broken).Diagnostics);
        var windows = Assert.Single(PolicyText.Load(broken.Replace("\n", "\r\n", StringComparison.Ordinal)).Diagnostics);

        Assert.Equal(new SourceLocation(PolicyText.File, 30, 17), unix.Location);
        Assert.Equal(unix, windows);
    }

    [Fact]
    public void Quoted_strings_and_numbers_are_told_apart()
    {
        var policy = PolicyText.Single(PolicyText.Kubernetes("""
            podSelector:
              matchLabels: {version: "2", enabled: "true"}
            """));

        Assert.Equal("enabled=true,version=2", policy.PodSelector.MatchLabels.ToString());
    }
}
