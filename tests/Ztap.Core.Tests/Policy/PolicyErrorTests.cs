using Ztap.Core.Diagnostics;

namespace Ztap.Core.Tests.Policy;

/// <summary>
/// Each case is one mistake in the spec of a Kubernetes policy <c>prod/web</c>; the spec starts on
/// line 7, indented by two, so spec line n, column c is reported at line 6 + n, column 2 + c.
/// </summary>
public sealed class PolicyErrorTests
{
    [Theory]
    [InlineData("podSelector: {}\negres: []", 8, 3, "spec.egres", "unknown field 'egres'; did you mean 'egress'?")]
    [InlineData("ingress: []", 7, 3, "spec.podSelector", "podSelector is required; write 'podSelector: {}' to select every workload in the namespace")]
    [InlineData("podSelector: app", 7, 16, "spec.podSelector", "expected a mapping, found the string 'app'")]
    [InlineData("podSelector: {matchLabels: [app]}", 7, 30, "spec.podSelector.matchLabels", "expected a mapping, found a list")]
    [InlineData("podSelector: {}\ningress: {from: []}", 8, 12, "spec.ingress", "expected a list, found a mapping")]
    [InlineData("podSelector: {}\ningress:\n  -", 9, 6, "spec.ingress[0]", "expected a mapping, found null")]
    [InlineData("podSelector: {}\negress:\n  - from: []", 9, 7, "spec.egress[0].from", "unknown field 'from'; egress rules use 'to'")]
    [InlineData("podSelector: {}\ningress:\n  - from: {podSelector: {}}", 9, 13, "spec.ingress[0].from", "expected a list of peers, found a mapping; write '- ' before the peer (ztap/v1 also accepts a single peer)")]
    public void Structural_mistakes_are_reported_where_they_are(string spec, int line, int column, string path, string message) =>
        AssertError(spec, line, column, path, message);

    [Theory]
    [InlineData("protocol: ICMP", 22, "spec.ingress[0].ports[0].protocol", "ICMP is not supported by networking.k8s.io/v1; use apiVersion: ztap/v1 for ICMP rules")]
    [InlineData("protocol: tcp", 22, "spec.ingress[0].ports[0].protocol", "unsupported protocol 'tcp'; did you mean 'TCP'?")]
    [InlineData("protocol: GRE", 22, "spec.ingress[0].ports[0].protocol", "unsupported protocol 'GRE'; expected TCP, UDP or SCTP")]
    [InlineData("port: 0", 18, "spec.ingress[0].ports[0].port", "port 0 is out of range; ports run from 1 to 65535")]
    [InlineData("port: 70000", 18, "spec.ingress[0].ports[0].port", "port 70000 is out of range; ports run from 1 to 65535")]
    [InlineData("port: \"80\"", 18, "spec.ingress[0].ports[0].port", "port \"80\" is quoted, which makes it a port name, and port names need a letter; write 80 without quotes")]
    [InlineData("port: web--http", 18, "spec.ingress[0].ports[0].port", "invalid port name 'web--http': a port name has 1 to 15 lowercase letters, digits and '-', at least one letter, and no '-' at either end or twice in a row")]
    [InlineData("port: 80.5", 18, "spec.ingress[0].ports[0].port", "expected a port number or name, found the number 80.5")]
    [InlineData("port: 80, endPort: 70", 31, "spec.ingress[0].ports[0].endPort", "endPort 70 is below port 80")]
    [InlineData("port: http, endPort: 90", 33, "spec.ingress[0].ports[0].endPort", "endPort needs a numeric port, not the named port 'http'")]
    [InlineData("endPort: 90", 21, "spec.ingress[0].ports[0].endPort", "endPort needs port, the start of the range")]
    [InlineData("port: 80, endPort: 65536", 31, "spec.ingress[0].ports[0].endPort", "endPort 65536 is out of range; ports run from 1 to 65535")]
    [InlineData("prot: TCP", 12, "spec.ingress[0].ports[0].prot", "unknown field 'prot'; did you mean 'port'?")]
    public void Port_mistakes_are_reported_with_their_path(string port, int column, string path, string message) =>
        AssertError($"podSelector: {{}}\ningress:\n  - ports:\n      - {{{port}}}", 10, column, path, message);

    [Theory]
    [InlineData("{key: tier, operator: In}", "spec.podSelector.matchExpressions[0].values", "operator In needs at least one value")]
    [InlineData("{key: tier, operator: NotIn, values: []}", "spec.podSelector.matchExpressions[0].values", "operator NotIn needs at least one value")]
    [InlineData("{key: tier, operator: Exists, values: [a]}", "spec.podSelector.matchExpressions[0].values", "operator Exists takes no values")]
    [InlineData("{key: tier, operator: in, values: [a]}", "spec.podSelector.matchExpressions[0].operator", "unknown operator 'in'; did you mean 'In'?")]
    [InlineData("{operator: Exists}", "spec.podSelector.matchExpressions[0].key", "key is required")]
    [InlineData("{key: tier}", "spec.podSelector.matchExpressions[0].operator", "operator is required: In, NotIn, Exists or DoesNotExist")]
    [InlineData("{key: -tier, operator: Exists}", "spec.podSelector.matchExpressions[0].key", "invalid label key '-tier': use letters, digits, '-', '_' and '.', starting and ending with a letter or digit")]
    [InlineData("{key: tier, operator: In, values: [a b]}", "spec.podSelector.matchExpressions[0].values[0]", "invalid label value 'a b': use letters, digits, '-', '_' and '.', starting and ending with a letter or digit")]
    public void Selector_expression_mistakes_are_reported(string expression, string path, string message)
    {
        var error = PolicyText.SingleError(PolicyText.Kubernetes($"podSelector:\n  matchExpressions:\n    - {expression}"));

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal(9, error.Location.Line);
    }

    [Theory]
    [InlineData("ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}", "spec.egress[0].to[0]", "ipBlock cannot be combined with podSelector or namespaceSelector in one peer; list them as separate peers")]
    [InlineData("podselector: {}", "spec.egress[0].to[0].podselector", "unknown field 'podselector'; did you mean 'podSelector'?")]
    [InlineData("ipBlock: {}", "spec.egress[0].to[0].ipBlock.cidr", "cidr is required, such as 10.0.0.0/16")]
    [InlineData("ipBlock: {cidr: 10.0.0.1}", "spec.egress[0].to[0].ipBlock.cidr", "'10.0.0.1' is an address, not a CIDR; write 10.0.0.1/32 for just that address")]
    [InlineData("ipBlock: {cidr: 10.0.0.0/33}", "spec.egress[0].to[0].ipBlock.cidr", "the prefix length in '10.0.0.0/33' must be a number from 0 to 32")]
    [InlineData("ipBlock: {cidr: 10.0.0/8}", "spec.egress[0].to[0].ipBlock.cidr", "'10.0.0' in '10.0.0/8' is not an IP address")]
    [InlineData("ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}", "spec.egress[0].to[0].ipBlock.except[0]", "except 11.0.0.0/16 must lie strictly inside cidr 10.0.0.0/8")]
    [InlineData("ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}", "spec.egress[0].to[0].ipBlock.except[0]", "except 10.0.0.0/8 must lie strictly inside cidr 10.0.0.0/8")]
    [InlineData("ipBlock: {cidr: 10.0.0.0/8, except: [\"fd00::/16\"]}", "spec.egress[0].to[0].ipBlock.except[0]", "except fd00::/16 and cidr 10.0.0.0/8 are of different IP families")]
    [InlineData("ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0]}", "spec.egress[0].to[0].ipBlock.except[0]", "'10.1.0.0' is an address, not a CIDR; write 10.1.0.0/32 for just that address")]
    public void Peer_mistakes_are_reported(string peer, string path, string message)
    {
        var error = PolicyText.SingleError(PolicyText.Kubernetes($"podSelector: {{}}\negress:\n  - to:\n      - {{{peer}}}"));

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal(10, error.Location.Line);
    }

    [Fact]
    public void An_empty_peer_is_an_error()
    {
        AssertError("podSelector: {}\ningress:\n  - from:\n      - {}", 10, 11, "spec.ingress[0].from[0]",
            "a peer needs podSelector, namespaceSelector or ipBlock; to allow every peer, leave out from/to");
    }

    [Theory]
    [InlineData("[ingress]", 7, "spec.policyTypes[0]", "unknown policy type 'ingress'; did you mean 'Ingress'?")]
    [InlineData("[Ingress, Ingress]", 7, "spec.policyTypes[1]", "policyTypes lists Ingress twice")]
    [InlineData("[Sideways]", 7, "spec.policyTypes[0]", "unknown policy type 'Sideways'; expected Ingress or Egress")]
    [InlineData("Ingress", 7, "spec.policyTypes", "expected a list, found the string 'Ingress'")]
    public void PolicyTypes_mistakes_are_reported(string types, int line, string path, string message)
    {
        var error = PolicyText.SingleError(PolicyText.Kubernetes($"policyTypes: {types}\npodSelector: {{}}"));

        Assert.Equal((line, path, message), (error.Location.Line, error.FieldPath, error.Message));
    }

    [Theory]
    [InlineData("{app: 1}", "spec.podSelector.matchLabels.app", "expected a string, found the number 1; quote it to use it as text: \"1\"")]
    [InlineData("{app: yes}", "spec.podSelector.matchLabels.app", "expected a string, found the boolean 'yes'; quote it to use it as text: \"yes\"")]
    [InlineData("{app: }", "spec.podSelector.matchLabels.app", "the label 'app' has no value; write '' for an empty one")]
    [InlineData("{Example.com/app: web}", "spec.podSelector.matchLabels.Example.com/app", "invalid label key 'Example.com/app': the prefix before '/' must be a DNS subdomain: use at most 253 lowercase letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit")]
    [InlineData("{app: web_}", "spec.podSelector.matchLabels.app", "invalid label value 'web_': use letters, digits, '-', '_' and '.', starting and ending with a letter or digit")]
    public void Label_mistakes_are_reported(string labels, string path, string message)
    {
        var error = PolicyText.SingleError(PolicyText.Kubernetes($"podSelector:\n  matchLabels: {labels}"));

        Assert.Equal((path, message), (error.FieldPath, error.Message));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var result = PolicyText.Load(PolicyText.Kubernetes("""
            podSelector: {matchLabels: {app: 1}}
            ingress:
              - ports: [{port: 0}, {protocol: ICMP}]
            egres: []
            """));

        Assert.Equal(
            ["spec.podSelector.matchLabels.app", "spec.ingress[0].ports[0].port", "spec.ingress[0].ports[1].protocol", "spec.egres"],
            result.Diagnostics.Select(d => d.FieldPath));
        Assert.All(result.Diagnostics, d => Assert.Equal(("prod/web", Severity.Error), (d.Subject, d.Severity)));
        Assert.True(result.HasErrors);
        Assert.Empty(result.Policies);
    }

    private static void AssertError(string spec, int line, int column, string path, string message)
    {
        var error = PolicyText.SingleError(PolicyText.Kubernetes(spec));

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal(new SourceLocation(PolicyText.File, line, column), error.Location);
        Assert.Equal("prod/web", error.Subject);
    }

}
