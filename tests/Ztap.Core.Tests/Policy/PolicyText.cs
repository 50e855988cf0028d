using Ztap.Core.Diagnostics;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Policy;

/// <summary>Reads policy YAML written inline in a test and picks out what the test asserts on.</summary>
internal static class PolicyText
{
    public const string File = "policies.yaml";

    public static PolicyLoadResult Load(string yaml) => PolicyLoader.Parse(yaml, File, InputLimits.Default);

    /// <summary>The one policy the text defines, failing the test with the diagnostics when it does not.</summary>
    public static NetworkPolicy Single(string yaml)
    {
        var result = Load(yaml);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return Assert.Single(result.Policies);
    }

    /// <summary>The one error the text produces, failing the test when there are none or several.</summary>
    public static Diagnostic SingleError(string yaml)
    {
        var result = Load(yaml);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 1, $"expected one error, got:\n{string.Join('\n', result.Diagnostics)}");
        Assert.Empty(result.Policies);
        return errors[0];
    }

    /// <summary>The one warning the text produces; the policy must still load.</summary>
    public static Diagnostic SingleWarning(string yaml)
    {
        var result = Load(yaml);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Single(result.Policies);
        return Assert.Single(result.Diagnostics);
    }

    /// <summary>A Kubernetes policy named <c>web</c> in namespace <c>prod</c> with the given spec lines, indented by two.</summary>
    public static string Kubernetes(string spec) => Wrap("networking.k8s.io/v1", spec);

    /// <summary>A ztap/v1 policy named <c>web</c> in namespace <c>prod</c> with the given spec lines, indented by two.</summary>
    public static string ZtapV1(string spec) => Wrap("ztap/v1", spec);

    private static string Wrap(string apiVersion, string spec) =>
        $"""
        apiVersion: {apiVersion}
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: prod
        spec:
        {Indent(spec)}
        """;

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : "  " + line));
}
