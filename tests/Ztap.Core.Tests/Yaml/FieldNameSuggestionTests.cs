using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Yaml;

public sealed class FieldNameSuggestionTests
{
    private static readonly string[] SpecFields = ["podSelector", "policyTypes", "ingress", "egress"];

    [Theory]
    [InlineData("egres", "egress")]
    [InlineData("ingres", "ingress")]
    [InlineData("podselector", "podSelector")]
    [InlineData("policyType", "policyTypes")]
    public void A_typo_suggests_the_field_it_resembles(string typo, string expected) =>
        Assert.Equal(expected, FieldNameSuggestion.Closest(typo, SpecFields));

    [Fact]
    public void An_unrelated_word_suggests_nothing() =>
        Assert.Null(FieldNameSuggestion.Closest("replicas", SpecFields));

    [Fact]
    public void Field_paths_print_like_kubectl()
    {
        var path = FieldPath.Root.Field("spec").Field("egress").Index(0).Field("ports").Index(1).Field("port");

        Assert.Equal("spec.egress[0].ports[1].port", path.ToString());
        Assert.Equal("", FieldPath.Root.ToString());
    }
}
