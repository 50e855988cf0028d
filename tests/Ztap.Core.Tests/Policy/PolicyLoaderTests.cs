using System.Text;
using Ztap.Core.Diagnostics;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Policy;

public sealed class PolicyLoaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Policy(string name, string @namespace = "default") => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {"{"}name: {name}, namespace: {@namespace}{"}"}
        spec: {"{"}podSelector: {"{}"}{"}"}

        """;

    private static Task<PolicyLoadResult> Load(params string[] paths) =>
        PolicyLoader.LoadAsync(paths, CancellationToken.None);

    [Fact]
    public async Task A_folder_is_searched_recursively_in_ordinal_order()
    {
        _folder.Write("b.yaml", Policy("b"));
        _folder.Write("a/z.yml", Policy("az"));
        _folder.Write("a/B.YAML", Policy("ab"));
        _folder.Write("C.yaml", Policy("c"));
        _folder.Write("notes.txt", "not a policy");
        _folder.Write(".git/config.yaml", Policy("hidden"));

        var result = await Load(_folder.Path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["c", "ab", "az", "b"], result.Policies.Select(p => p.Name));
    }

    [Fact]
    public async Task Paths_are_read_in_the_order_given_and_documents_in_file_order()
    {
        var second = _folder.Write("second.yaml", Policy("s1") + "---\n" + Policy("s2"));
        var first = _folder.Write("first.yaml", Policy("f1") + "---\n" + Policy("f2"));

        var result = await Load(second, first);

        Assert.Equal(["s1", "s2", "f1", "f2"], result.Policies.Select(p => p.Name));
        Assert.Equal(second, result.Policies[1].Origin.File);
        Assert.Equal(6, result.Policies[1].Origin.Line);
    }

    [Fact]
    public async Task A_file_reached_twice_is_read_once()
    {
        var file = _folder.Write("web.yaml", Policy("web"));

        var result = await Load(file, _folder.Path);

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Policies);
    }

    [Fact]
    public async Task A_file_given_by_name_is_read_whatever_its_extension()
    {
        var file = _folder.Write("policy.txt", Policy("web"));

        var result = await Load(file);

        Assert.Single(result.Policies);
    }

    [Fact]
    public async Task A_missing_path_is_an_error_not_an_exception()
    {
        var missing = Path.Combine(_folder.Path, "missing.yaml");
        _folder.Write("web.yaml", Policy("web"));

        var result = await Load(missing, _folder.Path);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Error, missing, "no such file or directory"), (error.Severity, error.Location.File, error.Message));
        Assert.True(result.HasErrors);
        Assert.Single(result.Policies);
    }

    [Fact]
    public async Task A_folder_without_policies_is_a_warning()
    {
        var result = await Load(_folder.Path);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, "the folder holds no .yaml or .yml files"), (warning.Severity, warning.Message));
    }

    [Fact]
    public async Task A_name_used_twice_in_a_namespace_is_an_error_pointing_at_the_first()
    {
        var first = _folder.Write("a.yaml", Policy("web", "prod") + "---\n" + Policy("web", "staging"));
        var second = _folder.Write("b.yaml", "# the same again\n" + Policy("web", "prod"));

        var result = await Load(_folder.Path);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(second, 4, 18), error.Location);
        Assert.Equal(("prod/web", "metadata.name"), (error.Subject, error.FieldPath));
        Assert.Equal($"policy prod/web is defined twice; the first definition is at {first}:3:18", error.Message);
        Assert.Equal(["prod/web", "staging/web"], result.Policies.Select(p => p.QualifiedName));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public async Task A_file_reads_the_same_in_every_encoding_a_byte_order_mark_names(string name)
    {
        // UTF-8 is read as bytes, without decoding; the others are decoded first.
        var encoding = name == "utf-8-bom" ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : Encoding.GetEncoding(name);
        var text = Policy("web") + "---\n" + Policy("Bad");
        var plain = _folder.Write("plain.yaml", text);
        var marked = _folder.Write($"{name}.yaml", "");
        await File.WriteAllTextAsync(marked, text, encoding);

        var expected = await Load(plain);
        var result = await Load(marked);

        Assert.Equal(expected.Policies.Select(p => p.QualifiedName), result.Policies.Select(p => p.QualifiedName));
        Assert.Equal(
            expected.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.Message)),
            result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.Message)));
        Assert.NotEmpty(result.Diagnostics);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_not_read()
    {
        var file = _folder.Write("big.yaml", Policy("web"));

        var result = await PolicyLoader.LoadAsync([file], new InputLimits { MaxFileBytes = 20 }, CancellationToken.None);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((file, 0, 0), (error.Location.File, error.Location.Line, error.Location.Column));
        Assert.EndsWith("more than the limit of 20 (InputLimits.MaxFileBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_in_several_files_are_all_reported_in_file_order()
    {
        _folder.Write("b.yaml", "a: [\n");
        _folder.Write("a.yaml", Policy("Bad"));

        var result = await Load(_folder.Path);

        Assert.Equal(["a.yaml", "b.yaml"], result.Diagnostics.Select(d => Path.GetFileName(d.Location.File)));
        Assert.Empty(result.Policies);
    }

    [Fact]
    public async Task Loading_stops_when_cancelled()
    {
        _folder.Write("web.yaml", Policy("web"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => PolicyLoader.LoadAsync([_folder.Path], new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Text_in_memory_is_read_with_the_name_given()
    {
        var result = PolicyLoader.Parse(Policy("web") + "---\n" + Policy("web"), "<stdin>", InputLimits.Default);

        Assert.Single(result.Policies);
        Assert.Equal("<stdin>", Assert.Single(result.Diagnostics).Location.File);
    }

    [Fact]
    public void A_file_whose_later_document_needs_full_yaml_gives_each_policy_once()
    {
        // The escape in the third document is read only by the full YAML parser, after the fast
        // reader has handed over the first two.
        var text = Policy("a") + "---\n" + Policy("b") + "---\n" + Policy("\"c\\x2dd\"");

        var result = PolicyLoader.Parse(text, "<stdin>", InputLimits.Default);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "b", "c-d"], result.Policies.Select(p => p.Name));
    }
}
