using Ztap.Core.Diagnostics;

namespace Ztap.Core.Tests.Policy;

public sealed class PolicyDocumentReaderTests
{
    [Theory]
    [InlineData("networking.k8s.io/v1beta1", "NetworkPolicy", 1, 13, "apiVersion", "unsupported apiVersion 'networking.k8s.io/v1beta1'; supported: networking.k8s.io/v1, ztap/v1")]
    [InlineData("networking.k8s.io/v1", "Deployment", 2, 7, "kind", "unsupported kind 'Deployment'; ztap reads NetworkPolicy")]
    [InlineData("networking.k8s.io/v1", "", 2, 6, "kind", "kind is required: NetworkPolicy")]
    [InlineData("", "NetworkPolicy", 1, 12, "apiVersion", "apiVersion is required; supported: networking.k8s.io/v1, ztap/v1")]
    [InlineData("1", "NetworkPolicy", 1, 13, "apiVersion", "expected a string, found the number 1; quote it to use it as text: \"1\"")]
    public void Unknown_apiVersion_or_kind_names_what_is_supported(
        string apiVersion, string kind, int line, int column, string path, string message)
    {
        var error = PolicyText.SingleError($"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata: {"{"}name: web{"}"}
            spec: {"{"}podSelector: {"{}"}{"}"}
            """);

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal(new SourceLocation(PolicyText.File, line, column), error.Location);
        Assert.Equal("default/web", error.Subject);
    }

    [Theory]
    [InlineData("{name: Web}", "metadata.name", "invalid policy name 'Web': use at most 253 lowercase letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit")]
    [InlineData("{name: web., namespace: prod}", "metadata.name", "invalid policy name 'web.': use at most 253 lowercase letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit")]
    [InlineData("{name: web, namespace: prod.eu}", "metadata.namespace", "invalid namespace 'prod.eu': use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit")]
    [InlineData("{namespace: prod}", "metadata.name", "name is required")]
    [InlineData("{name: web, labels: {\"a b\": c}}", "metadata.labels.a b", "invalid label key 'a b': use letters, digits, '-', '_' and '.', starting and ending with a letter or digit")]
    [InlineData("{name: web, annotations: {note: 3}}", "metadata.annotations.note", "expected a string, found the number 3; quote it to use it as text: \"3\"")]
    [InlineData("{name: web, nmespace: prod}", "metadata.nmespace", "unknown field 'nmespace'; did you mean 'namespace'?")]
    public void Metadata_mistakes_are_reported(string metadata, string path, string message)
    {
        var error = PolicyText.SingleError($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {metadata}
            spec: {"{"}podSelector: {"{}"}{"}"}
            """);

        Assert.Equal((path, message), (error.FieldPath, error.Message));
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Metadata_and_spec_are_required()
    {
        var result = PolicyText.Load("apiVersion: ztap/v1\nkind: NetworkPolicy\n");

        Assert.Equal(["metadata is required", "spec is required"], result.Diagnostics.Select(d => d.Message));
        Assert.All(result.Diagnostics, d => Assert.Equal(new SourceLocation(PolicyText.File, 1, 1), d.Location));
    }

    [Fact]
    public void Another_kind_of_object_with_a_policy_name_is_not_a_duplicate_policy()
    {
        var result = PolicyText.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec: {podSelector: {}}
            """);

        Assert.Equal(
            ["unsupported apiVersion 'apps/v1'; supported: networking.k8s.io/v1, ztap/v1", "unsupported kind 'Deployment'; ztap reads NetworkPolicy"],
            result.Diagnostics.Select(d => d.Message));
        Assert.Equal("default/web", Assert.Single(result.Policies).QualifiedName);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_an_error()
    {
        var error = PolicyText.SingleError("- apiVersion: ztap/v1\n");

        Assert.Equal("expected a mapping, found a list", error.Message);
        Assert.Null(error.Subject);
    }

    [Fact]
    public void Status_is_accepted_only_from_Kubernetes()
    {
        var error = PolicyText.SingleError("""
            apiVersion: ztap/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec: {ingress: []}
            status: {}
            """);

        Assert.Equal("unknown field 'status'; expected one of: apiVersion, kind, metadata, spec", error.Message);
    }

    [Fact]
    public void Server_written_metadata_is_an_error_in_ztap_v1()
    {
        var error = PolicyText.SingleError("""
            apiVersion: ztap/v1
            kind: NetworkPolicy
            metadata: {name: web, uid: abc}
            spec: {ingress: []}
            """);

        Assert.Equal("metadata.uid", error.FieldPath);
    }

    [Fact]
    public void A_YAML_alias_in_a_policy_is_refused()
    {
        var error = PolicyText.SingleError("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec:
              podSelector: &web {matchLabels: {app: web}}
              ingress: [{from: [{podSelector: *web}]}]
            """);

        Assert.Equal("YAML aliases are not allowed in policies", error.Message);
        Assert.Equal(new SourceLocation(PolicyText.File, 6, 35), error.Location);
    }
}
