using Ztap.Core.Policy.Validation;

namespace Ztap.Core.Tests.Policy.Validation;

public sealed class NameSyntaxTests
{
    [Theory]
    [InlineData("web", true)]
    [InlineData("web-1", true)]
    [InlineData("1web", true)]
    [InlineData("web.prod", false)]
    [InlineData("Web", false)]
    [InlineData("-web", false)]
    [InlineData("web-", false)]
    [InlineData("", false)]
    public void Namespaces_are_DNS_labels(string name, bool valid) => Assert.Equal(valid, Dns1123.IsLabel(name));

    [Fact]
    public void A_DNS_label_has_at_most_63_characters()
    {
        Assert.True(Dns1123.IsLabel(new string('a', 63)));
        Assert.False(Dns1123.IsLabel(new string('a', 64)));
    }

    [Theory]
    [InlineData("web.prod", true)]
    [InlineData("a.b-c.d", true)]
    [InlineData("web..prod", false)]
    [InlineData("web.-prod", false)]
    [InlineData(".web", false)]
    [InlineData("web_1", false)]
    public void Policy_names_are_DNS_subdomains(string name, bool valid) => Assert.Equal(valid, Dns1123.IsSubdomain(name));

    [Fact]
    public void A_DNS_subdomain_has_at_most_253_characters()
    {
        var longest = string.Join('.', Enumerable.Repeat(new string('a', 63), 4))[..253];

        Assert.True(Dns1123.IsSubdomain(longest));
        Assert.False(Dns1123.IsSubdomain(longest + "a"));
    }

    [Theory]
    [InlineData("app", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("example.com/My_Key.2", true)]
    [InlineData("/name", false)]
    [InlineData("a/b/c", false)]
    [InlineData("Example.com/app", false)]
    [InlineData("example.com/", false)]
    [InlineData("_app", false)]
    [InlineData("app_", false)]
    [InlineData("a b", false)]
    public void Label_keys_follow_the_Kubernetes_rule(string key, bool valid) =>
        Assert.Equal(valid, LabelSyntax.KeyError(key) is null);

    [Theory]
    [InlineData("", true)]
    [InlineData("v1.2_3-x", true)]
    [InlineData("-v", false)]
    [InlineData("a/b", false)]
    public void Label_values_may_be_empty_but_follow_the_same_characters(string value, bool valid) =>
        Assert.Equal(valid, LabelSyntax.ValueError(value) is null);

    [Fact]
    public void A_label_name_has_at_most_63_characters()
    {
        Assert.Null(LabelSyntax.ValueError(new string('v', 63)));
        Assert.Equal("it is 64 characters long; the limit is 63", LabelSyntax.ValueError(new string('v', 64)));
    }

    [Theory]
    [InlineData("http", true)]
    [InlineData("h2c", true)]
    [InlineData("metrics-9090", true)]
    [InlineData("a23456789012345", true)]
    [InlineData("a234567890123456", false)]
    [InlineData("8080", false)]
    [InlineData("HTTP", false)]
    [InlineData("-http", false)]
    [InlineData("http-", false)]
    [InlineData("web--http", false)]
    [InlineData("web_http", false)]
    [InlineData("", false)]
    public void Port_names_follow_the_IANA_service_name_rule(string name, bool valid) =>
        Assert.Equal(valid, PortNameSyntax.IsValid(name));
}
