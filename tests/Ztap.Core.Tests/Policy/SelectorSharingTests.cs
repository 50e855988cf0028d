using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Policy;

public sealed class SelectorSharingTests
{
    private static string Policy(string name, string tiers) => $$$"""
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
        """;

    [Fact]
    public void Selectors_that_select_the_same_in_one_file_are_one_object()
    {
        var result = PolicyText.Load(Policy("web", "a, b") + "\n---\n" + Policy("api", "a, b") + "\n---\n" + Policy("db", "a, c"));

        var peers = result.Policies.Select(p => p.Egress[0].Peers[0]).ToArray();
        Assert.Same(peers[0].NamespaceSelector, peers[1].NamespaceSelector);
        Assert.Same(peers[0].NamespaceSelector, peers[2].NamespaceSelector);
        Assert.Same(peers[0].PodSelector, peers[1].PodSelector);
        Assert.NotSame(peers[0].PodSelector, peers[2].PodSelector);
        Assert.NotEqual(peers[0].PodSelector!.ToString(), peers[2].PodSelector!.ToString());
        Assert.NotSame(result.Policies[0].PodSelector, result.Policies[1].PodSelector);
    }
}
