using System.Text;
using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Yaml;

public sealed class YamlStreamReaderTests
{
    private static (List<YamlNode> Documents, List<Diagnostic> Diagnostics) Read(string text, InputLimits? limits = null)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = new YamlDocumentList();
        YamlStreamReader.Read(Encoding.UTF8.GetBytes(text), "in.yaml", limits ?? InputLimits.Default, "policies", diagnostics, documents);
        return (documents, diagnostics);
    }

    private static Diagnostic SingleError(string text, InputLimits? limits = null)
    {
        var (_, diagnostics) = Read(text, limits);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        return diagnostic;
    }

    [Fact]
    public void Nodes_carry_one_based_lines_and_columns()
    {
        var (documents, diagnostics) = Read("a: 1\nb:\n  - x\n  - \"y\"\n");

        Assert.Empty(diagnostics);
        var root = Assert.IsType<YamlMapping>(Assert.Single(documents));
        Assert.Equal((1, 1), (root.Line, root.Column));
        var list = Assert.IsType<YamlSequence>(root.Find("b"));
        Assert.Equal((3, 3), (list.Line, list.Column));
        var quoted = Assert.IsType<YamlScalar>(list.Items[1]);
        Assert.Equal(("y", false, 4, 5), (quoted.Value, quoted.IsPlain, quoted.Line, quoted.Column));
    }

    [Fact]
    public void Every_document_of_a_stream_is_read_and_empty_ones_are_skipped()
    {
        var (documents, diagnostics) = Read("a: 1\n---\n---\n# only a comment\n---\nb: 2\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["a", "b"], documents.Select(d => ((YamlMapping)d).Entries[0].Key));
    }

    [Fact]
    public void A_syntax_error_becomes_a_diagnostic_at_its_position()
    {
        var error = SingleError("a:\n  b: 1\n c: 2\n");

        Assert.Equal(new SourceLocation("in.yaml", 3, 2), error.Location);
        Assert.StartsWith("YAML syntax error: while parsing a block mapping", error.Message);
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_syntax_error_not_an_exception()
    {
        var error = SingleError("a: [1, 2\nb: 3\n");

        Assert.StartsWith("YAML syntax error", error.Message);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Events_out_of_order_from_broken_input_are_a_syntax_error()
    {
        var error = SingleError("a:\n : b\n");

        Assert.Equal("YAML syntax error: the structure of the document is broken here", error.Message);
        Assert.Equal(new SourceLocation("in.yaml", 3, 1), error.Location);
    }

    [Fact]
    public void Documents_before_a_syntax_error_are_still_read()
    {
        var (documents, diagnostics) = Read("a: 1\n---\nb: \"unterminated\n");

        Assert.Single(documents);
        Assert.Equal(3, Assert.Single(diagnostics).Location.Line);
    }

    [Fact]
    public void Aliases_are_refused_and_the_document_dropped()
    {
        var (documents, diagnostics) = Read("a: &x 1\nb: *x\n---\nc: 3\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("YAML aliases are not allowed in policies", error.Message);
        Assert.Equal(new SourceLocation("in.yaml", 2, 4), error.Location);
        Assert.Equal("c", ((YamlMapping)Assert.Single(documents)).Entries[0].Key);
    }

    [Fact]
    public void Duplicate_keys_are_an_error_naming_the_first_line()
    {
        var error = SingleError("name: a\nspec: {}\nname: b\n");

        Assert.Equal("duplicate key 'name' (first at line 1)", error.Message);
        Assert.Equal(new SourceLocation("in.yaml", 3, 1), error.Location);
    }

    [Fact]
    public void Duplicate_keys_are_found_in_large_mappings_too()
    {
        var keys = string.Concat(Enumerable.Range(0, 40).Select(i => $"k{i}: v\n"));

        var error = SingleError(keys + "k7: again\n");

        Assert.Equal("duplicate key 'k7' (first at line 8)", error.Message);
    }

    [Fact]
    public void Complex_keys_are_refused()
    {
        var error = SingleError("? [a, b]\n: 1\n");

        Assert.Equal("mapping keys must be strings, not lists or mappings", error.Message);
    }

    [Theory]
    [InlineData("a: !!str 80\n", true)]
    [InlineData("a: ! 80\n", true)]
    [InlineData("a: !foo 80\n", false)]
    [InlineData("a: !!map {}\n", true)]
    [InlineData("a: !!set {}\n", false)]
    public void Only_standard_string_and_collection_tags_are_accepted(string text, bool accepted)
    {
        var (documents, diagnostics) = Read(text);

        Assert.Equal(accepted, diagnostics.Count == 0);
        Assert.Equal(accepted, documents.Count == 1);
    }

    [Fact]
    public void A_tagged_string_is_not_plain()
    {
        var (documents, _) = Read("port: !!str 80\n");

        var port = Assert.IsType<YamlScalar>(((YamlMapping)documents[0]).Find("port"));
        Assert.Equal(YamlScalarType.String, port.Type);
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_refused()
    {
        var limits = new InputLimits { MaxDepth = 3 };

        Assert.Empty(Read("a: {b: {c: 1}}\n", limits).Diagnostics);
        var error = SingleError("a: {b: {c: {d: 1}}}\n", limits);

        Assert.Equal("the document nests deeper than 3 levels (InputLimits.MaxDepth)", error.Message);
        Assert.Equal(new SourceLocation("in.yaml", 1, 12), error.Location);
    }

    [Fact]
    public void Deeply_nested_hostile_input_stops_at_the_default_limit()
    {
        var error = SingleError(new string('[', 100_000));

        Assert.Contains("InputLimits.MaxDepth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_documents_than_the_limit_are_refused()
    {
        var limits = new InputLimits { MaxDocuments = 2 };

        var (documents, diagnostics) = Read("a: 1\n---\nb: 2\n---\nc: 3\n", limits);

        Assert.Equal(2, documents.Count);
        var error = Assert.Single(diagnostics);
        Assert.Equal("the file has more than 2 YAML documents (InputLimits.MaxDocuments)", error.Message);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Text_larger_than_the_file_limit_is_not_parsed()
    {
        var error = SingleError("a: 1234567890\n", new InputLimits { MaxFileBytes = 10 });

        Assert.Equal("the file is 14 bytes, more than the limit of 10 (InputLimits.MaxFileBytes)", error.Message);
    }
}
