using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Policy;

public sealed class SharedValuesTests
{
    private static string Policy(string name, string tiers, int port) => $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: {{{name}}}, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: {{{name}}}}}
          egress:
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                  podSelector:
                    matchLabels: {k8s-app: kube-dns}
                    matchExpressions: [{key: tier, operator: In, values: [{{{tiers}}}]}]
              ports: [{protocol: UDP, port: {{{port}}}}]
        """;

    [Fact]
    public void Selectors_peers_ports_their_lists_and_rules_that_say_the_same_in_one_file_are_one_object()
    {
        var result = PolicyText.Load(string.Join("\n---\n", Policy("web", "a, b", 53), Policy("api", "a, b", 53), Policy("db", "a, c", 53), Policy("cache", "a, b", 54)));

        var rules = result.Policies.Select(p => p.Egress[0]).ToArray();
        var peers = rules.Select(r => r.Peers[0]).ToArray();
        Assert.Same(peers[0].NamespaceSelector, peers[2].NamespaceSelector);
        Assert.Same(peers[0].PodSelector, peers[3].PodSelector);
        Assert.NotSame(peers[0].PodSelector, peers[2].PodSelector);
        Assert.NotSame(result.Policies[0].PodSelector, result.Policies[1].PodSelector);
        Assert.Same(rules[0], rules[1]);
        Assert.NotSame(rules[0], rules[2]);
        Assert.NotSame(rules[0], rules[3]);
        Assert.Equal([53, 53, 53, 54], rules.Select(r => r.Ports[0].Port));
        Assert.Same(peers[0], peers[3]);
        Assert.NotSame(peers[0], peers[2]);
        Assert.Same(rules[0].Ports[0], rules[2].Ports[0]);
        Assert.NotSame(rules[0].Ports[0], rules[3].Ports[0]);
        Assert.True(rules[0].Peers == rules[3].Peers, "equal peer lists share one array");
        Assert.True(rules[0].Ports == rules[2].Ports, "equal port lists share one array");
        Assert.False(rules[0].Ports == rules[3].Ports);
    }
}
