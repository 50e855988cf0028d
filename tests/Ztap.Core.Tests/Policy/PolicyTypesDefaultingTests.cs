using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Policy;

public sealed class PolicyTypesDefaultingTests
{
    [Theory]
    [InlineData("", PolicyTypes.Ingress)]
    [InlineData("ingress: []", PolicyTypes.Ingress)]
    [InlineData("ingress: [{}]", PolicyTypes.Ingress)]
    [InlineData("egress: []", PolicyTypes.Ingress)]
    [InlineData("egress: [{}]", PolicyTypes.Ingress | PolicyTypes.Egress)]
    [InlineData("policyTypes: []\negress: [{}]", PolicyTypes.Ingress | PolicyTypes.Egress)]
    [InlineData("policyTypes: [Egress]", PolicyTypes.Egress)]
    [InlineData("policyTypes: [Egress, Ingress]", PolicyTypes.Ingress | PolicyTypes.Egress)]
    public void Kubernetes_isolates_ingress_always_and_egress_only_with_egress_rules(string spec, PolicyTypes expected)
    {
        var result = PolicyText.Load(PolicyText.Kubernetes("podSelector: {}\n" + spec));

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal(expected, Assert.Single(result.Policies).PolicyTypes);
    }

    [Theory]
    [InlineData("", PolicyTypes.None)]
    [InlineData("ingress: []", PolicyTypes.Ingress)]
    [InlineData("egress: []", PolicyTypes.Egress)]
    [InlineData("egress: [{}]", PolicyTypes.Egress)]
    [InlineData("ingress: [{}]\negress: []", PolicyTypes.Ingress | PolicyTypes.Egress)]
    [InlineData("ingress:\negress: []", PolicyTypes.Egress)]
    [InlineData("policyTypes: [Ingress]\negress: []", PolicyTypes.Ingress)]
    public void ZtapV1_isolates_the_sections_present(string spec, PolicyTypes expected)
    {
        var result = PolicyText.Load(PolicyText.ZtapV1("podSelector: {}\n" + spec));

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal(expected, Assert.Single(result.Policies).PolicyTypes);
    }

    [Theory]
    [InlineData("egress: []", "spec.egress", "'egress: []' does not isolate egress in networking.k8s.io/v1; add 'policyTypes: [Ingress, Egress]' to deny all egress")]
    [InlineData("policyTypes: [Ingress]\negress: [{}]", "spec.egress", "these egress rules have no effect: policyTypes does not include Egress")]
    [InlineData("policyTypes: [Egress]\ningress: [{}]", "spec.ingress", "these ingress rules have no effect: policyTypes does not include Ingress")]
    public void Kubernetes_policies_that_do_less_than_they_seem_get_a_warning(string spec, string path, string message)
    {
        var warning = PolicyText.SingleWarning(PolicyText.Kubernetes("podSelector: {}\n" + spec));

        Assert.Equal((path, message), (warning.FieldPath, warning.Message));
    }

    [Theory]
    [InlineData("podSelector: {}", "spec", "the policy isolates nothing: it has neither ingress nor egress, so it has no effect")]
    [InlineData("ingress: []\negress:", "spec.egress", "'egress:' without a value counts as absent; write 'egress: []' to deny all egress")]
    public void ZtapV1_policies_that_do_less_than_they_seem_get_a_warning(string spec, string path, string message)
    {
        var warning = PolicyText.SingleWarning(PolicyText.ZtapV1(spec));

        Assert.Equal((path, message), (warning.FieldPath, warning.Message));
    }
}
