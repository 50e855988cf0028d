using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Policy;

public sealed class PolicyEqualityTests
{
    private const string Yaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - podSelector: {matchExpressions: [{key: tier, operator: In, values: [web, api]}]}
                  namespaceSelector: {matchLabels: {env: prod}}
                - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
              ports: [{protocol: TCP, port: 5432, endPort: 5440}]
          egress:
            - ports: [{protocol: UDP, port: 53}]
        """;

    [Fact]
    public void Two_readings_of_one_text_are_the_same()
    {
        Assert.True(PolicyEquality.Same(Read(Yaml), Read(Yaml)));
    }

    [Theory]
    [InlineData("name: db,", "name: db2,")]
    [InlineData("namespace: prod}", "namespace: dev}")]
    [InlineData("{app: db}", "{app: cache}")]
    [InlineData("[Ingress, Egress]", "[Ingress]")]
    [InlineData("[web, api]", "[web]")]
    [InlineData("operator: In", "operator: NotIn")]
    [InlineData("{env: prod}", "{env: dev}")]
    [InlineData("10.1.0.0/16", "10.2.0.0/16")]
    [InlineData("cidr: 10.0.0.0/8", "cidr: 10.0.0.0/7")]
    [InlineData("endPort: 5440", "endPort: 5441")]
    [InlineData("port: 53", "port: 54")]
    [InlineData("protocol: UDP", "protocol: TCP")]
    [InlineData("apiVersion:", "# moved down a line\napiVersion:")]
    public void A_change_anywhere_makes_them_differ(string from, string to)
    {
        var changed = Yaml.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Yaml, changed);

        Assert.False(PolicyEquality.Same(Read(Yaml), Read(changed)));
    }

    private static NetworkPolicy Read(string yaml)
    {
        var result = PolicyText.Load(yaml);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return Assert.Single(result.Policies);
    }
}
