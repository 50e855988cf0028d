using System.Text;
using CsCheck;
using Ztap.Core.Diagnostics;
using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Yaml;

public sealed class YamlSubsetReaderTests
{
    /// <summary>The trees of the non-empty documents of <paramref name="text"/>, or null when the text is outside the subset.</summary>
    private static List<YamlNode>? TryRead(string text, InputLimits limits)
    {
        var documents = new YamlDocumentList();
        return Ascii.IsValid(text) && YamlSubsetReader.TryRead(Encoding.ASCII.GetBytes(text), limits, documents) ? documents : null;
    }

    private static readonly string[] PlainWords =
    [
        "web", "a b", "10.0.0.0/24", "fd00::1", "http://x:80/y", "a#b", "yes", "~", "null", "0x1F", "80", "1.5",
        "x:y", "a,b", "a'b", "a\"b", "k8s-app", "kubernetes.io/metadata.name", "a  b", "-1", "-", "*a", "&a b",
        "!t x", "%x", "|", ">", "@x", "?x", ":x", "x: y", "[x]", "{x}", "a [b", ".inf", "...", "---", "a #c",
    ];

    private static readonly string[] QuotedWords = ["'it''s'", "'a b'", "\"dq\"", "\"a\\nb\"", "''", "\"\"", "'80'", "'a: b'", "\"#x\""];

    private static readonly string[] Keys = ["name", "namespace", "labels", "app", "ports", "x y", "'q'", "\"dq\"", "a", "b", "a:b"];

    [Fact]
    public void Random_documents_read_as_the_parser_reads_them_or_are_left_to_it()
    {
        var accepted = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = Stream(random);
            if (Compare(text))
            {
                Interlocked.Increment(ref accepted);
            }

            Compare(YamlMutation.Mutate(text, random));
        }, iter: 10_000);

        // The subset must cover most plain documents, or it would only ever decline.
        Assert.True(accepted > 400, $"only {accepted} of 10,000 generated streams were read by the subset");
    }

    [Theory]
    [InlineData("a: 1\nb:\n  - x\n  - \"y\"\n")]
    [InlineData("kind: NetworkPolicy\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: web}\n    ports: [{port: 80, protocol: TCP}]\n")]
    [InlineData("---\na: 1 # one\n\n# between\n---\n---\nb: [x, 'y', \"z\"]\n")]
    [InlineData("- a\n-   b: 1\n    c: 2\n-\n  d: 3\n")]
    [InlineData("ips: [fd00::1, 10.0.0.1]\nto: [{ipBlock: {cidr: fd00::/64, except: [fd00::1:0/112]}}]\n")]
    [InlineData("a: [x:y, http://x:80/y, {a:b: c:d}]\n")]
    public void Plain_policy_shapes_are_read_by_the_subset(string text)
    {
        Assert.True(Compare(text), "the subset declined plain YAML");
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: [1,\n  2]\n")]
    [InlineData("a: \"\\u0041\"\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("a: [x:]\n")]
    [InlineData("a: [x:#y]\n")]
    public void Anything_outside_the_subset_is_left_to_the_parser(string text)
    {
        Assert.Null(TryRead(text, InputLimits.Default));
    }

    [Fact]
    public void Nesting_at_the_depth_limit_is_left_to_the_parser()
    {
        var limits = InputLimits.Default with { MaxDepth = 3 };

        Assert.NotNull(TryRead("a:\n  b:\n    c: 1\n", limits));
        Assert.Null(TryRead("a:\n  b:\n    c:\n      d: 1\n", limits));
    }

    [Fact]
    public void The_example_files_read_as_the_parser_reads_them()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Ztap.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var files = Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.yaml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Compare(File.ReadAllText(file));
        }
    }

    /// <summary>Whether the subset read the text; when it did, its trees must equal the parser's, which must find nothing wrong.</summary>
    private static bool Compare(string text)
    {
        if (TryRead(text, InputLimits.Default) is not { } subset)
        {
            return false;
        }

        var diagnostics = new List<Diagnostic>();
        var parsed = new List<YamlNode>();
        YamlStreamReader.ReadWithParser(text, "in.yaml", InputLimits.Default, "policies", diagnostics, parsed.Add);
        if (diagnostics.Count > 0)
        {
            Assert.Fail($"the subset read text the parser rejects ({diagnostics[0].Message}):\n{text}");
        }

        Assert.True(
            string.Join("\n", parsed.Select(Dump)) == string.Join("\n", subset.Select(Dump)),
            $"the subset read differently:\n{text}\nparser: {string.Join("\n", parsed.Select(Dump))}\nsubset: {string.Join("\n", subset.Select(Dump))}");
        return true;
    }

    private static string Dump(YamlNode node) => node switch
    {
        YamlScalar s => $"{s.Line}:{s.Column}{(s.IsPlain ? "" : "q")}<{s.Value}>",
        YamlSequence s => $"{s.Line}:{s.Column}[{string.Join(",", s.Items.Select(Dump))}]",
        YamlMapping m => $"{m.Line}:{m.Column}{{{string.Join(",", m.Entries.ToArray().Select(e => Dump(e.KeyNode) + "=" + Dump(e.Value)))}}}",
        _ => "?",
    };

    private static string Stream(Random random)
    {
        var text = new StringBuilder();
        var documents = random.Next(1, 4);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0 || random.Next(3) == 0)
            {
                text.Append(random.Next(4) == 0 ? "--- # doc\n" : "---\n");
            }

            if (random.Next(8) == 0)
            {
                text.Append("# comment\n");
            }

            if (random.Next(2) == 0)
            {
                BlockMapping(text, random, 0, 0);
            }
            else
            {
                BlockList(text, random, 0, 0);
            }
        }

        return text.ToString();
    }

    private static void BlockMapping(StringBuilder text, Random random, int indent, int depth, bool compact = false)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            if (!(compact && i == 0))
            {
                text.Append(' ', indent);
            }

            text.Append(Keys[random.Next(Keys.Length)]).Append(':');
            Value(text, random, indent, depth, inMapping: true);
            if (random.Next(10) == 0)
            {
                text.Append(random.Next(2) == 0 ? "\n" : "  # note\n");
            }
        }
    }

    private static void BlockList(StringBuilder text, Random random, int indent, int depth)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            text.Append(' ', indent).Append('-');
            if (depth < 4 && random.Next(3) == 0)
            {
                var gap = random.Next(1, 4);
                text.Append(' ', gap);
                BlockMapping(text, random, indent + 1 + gap, depth + 1, compact: true);
                continue;
            }

            Value(text, random, indent, depth, inMapping: false);
        }
    }

    private static void Value(StringBuilder text, Random random, int indent, int depth, bool inMapping)
    {
        var kind = depth >= 4 ? random.Next(3) : random.Next(6);
        switch (kind)
        {
            case 0:
                text.Append(' ').Append(Scalar(random)).Append(random.Next(6) == 0 ? " # c\n" : "\n");
                break;
            case 1:
            case 2:
                text.Append(' ').Append(Flow(random, depth)).Append('\n');
                break;
            case 3:
                text.Append('\n');
                BlockMapping(text, random, indent + random.Next(1, 4), depth + 1);
                break;
            case 4:
                text.Append('\n');
                BlockList(text, random, inMapping && random.Next(2) == 0 ? indent : indent + random.Next(1, 4), depth + 1);
                break;
            default:
                text.Append('\n').Append(' ', indent + random.Next(1, 4)).Append(Scalar(random)).Append('\n');
                break;
        }
    }

    private static string Scalar(Random random) => random.Next(4) == 0
        ? QuotedWords[random.Next(QuotedWords.Length)]
        : PlainWords[random.Next(PlainWords.Length)];

    private static string Flow(Random random, int depth)
    {
        var count = random.Next(0, 4);
        var items = new List<string>();
        var mapping = random.Next(2) == 0;
        for (var i = 0; i < count; i++)
        {
            var value = depth < 5 && random.Next(5) == 0 ? Flow(random, depth + 1) : Scalar(random);
            items.Add(mapping ? $"{Keys[random.Next(Keys.Length)]}: {value}" : value);
        }

        var separator = random.Next(4) == 0 ? "," : ", ";
        return mapping ? $"{{{string.Join(separator, items)}}}" : $"[{string.Join(separator, items)}]";
    }
}
