using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Yaml;

public sealed class YamlScalarTests
{
    [Theory]
    [InlineData("", "Null")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("true", "Boolean")]
    [InlineData("yes", "Boolean")]
    [InlineData("off", "Boolean")]
    [InlineData("80", "Integer")]
    [InlineData("-5", "Integer")]
    [InlineData("0x50", "Integer")]
    [InlineData("1.5", "Float")]
    [InlineData("1e3", "Float")]
    [InlineData(".inf", "Float")]
    [InlineData("10.0.0.0/16", "String")]
    [InlineData("10.0.0.1", "String")]
    [InlineData("Infinity", "String")]
    [InlineData("http", "String")]
    public void Plain_scalars_resolve_as_Kubernetes_reads_them(string text, string expected) =>
        Assert.Equal(expected, new YamlScalar(1, 1, text, isPlain: true).Type.ToString());

    [Theory]
    [InlineData("80")]
    [InlineData("true")]
    [InlineData("")]
    public void Quoted_scalars_are_always_strings(string text) =>
        Assert.Equal(YamlScalarType.String, new YamlScalar(1, 1, text, isPlain: false).Type);

    [Fact]
    public void Long_values_are_shortened_in_messages()
    {
        var scalar = new YamlScalar(1, 1, new string('x', 100), isPlain: false);

        Assert.Equal($"'{new string('x', 40)}...'", scalar.Quoted);
    }
}
