using System.Text;
using CsCheck;
using Ztap.Core.Inventory;
using Ztap.Core.Tests.Yaml;

namespace Ztap.Core.Tests.Inventory;

/// <summary>
/// The fast YAML reader hands an inventory's lists over item by item and may decline halfway;
/// whatever it does, the result must be the one the YAML parser alone gives. A trailing comment
/// with a non-ASCII letter sends the same text to the parser alone.
/// </summary>
public sealed class InventoryStreamingTests
{
    private const string ParserOnly = "\n# \u00e9\n";

    private static readonly string[] RootKeys = ["namespaces", "workloads", "workloads", "workload", "namespaces"];
    // An escape is valid YAML that the fast reader declines when it gets there, after it handed over the items before it.
    private static readonly string[] Names = ["web-1", "web-2", "db", "Bad_Name", "''", "80", "web-1", "\"db\\x2d2\""];
    private static readonly string[] Addresses = ["10.0.0.1", "10.0.0.2", "fd00::1", "10.0.0.1", "not-an-ip", "'10.0.0.3'", "~"];
    private static readonly string[] Fields = ["namespace: prod", "namespace: Bad", "labels: {app: web}", "labels: {app: 'a b'}",
        "ports: [{name: http, port: 80}]", "ports: [{name: http, port: 99999}]", "cgroup: system.slice/x", "colour: red", "name: again"];

    [Fact]
    public void Streamed_inventories_read_as_the_parser_reads_them()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = Inventory(random);
            Compare(text);
            Compare(YamlMutation.Mutate(text, random));
        }, iter: 3_000);
    }

    /// <summary>
    /// A read that takes the workloads of unchanged items from the read before it must give what a
    /// fresh read gives, over chains of edits that move, change, duplicate and cut items.
    /// </summary>
    [Fact]
    public void Inventories_read_again_after_edits_read_as_a_fresh_read()
    {
        var taken = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = random.Next(4) == 0 ? Inventory(random) : ValidInventory(random);
            var previous = Read(text, previous: null);
            for (var edit = 0; edit < 4; edit++)
            {
                text = random.Next(5) == 0 ? YamlMutation.Mutate(text, random) : LineEdit(text, random);
                var again = Read(text, previous);
                var fresh = InventoryFileSource.Parse(text, "inventory.yaml");
                Assert.True(
                    Summary(again) == Summary(fresh),
                    $"a read after an edit differs from a fresh one:\n{text}\nfresh:\n{Summary(fresh)}\nagain:\n{Summary(again)}");

                // A workload taken from the read before keeps its address list, even when moved.
                var before = previous.Inventory.Workloads.Select(w => w.Addresses).ToList();
                taken += again.Inventory.Workloads.Count(w => before.Exists(addresses => addresses == w.Addresses));
                previous = again;
            }
        }, iter: 3_000);

        Assert.True(taken > 2_000, $"only {taken} workloads were taken from the read before");
    }

    [Theory]
    [InlineData("workloads:\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]\n", "workloads:\n  - name: b\n    ips: [10.0.0.3]\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]\n")]
    [InlineData("workloads:\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]\n", "workloads:\n  - name: c\n    ips: [10.0.0.2]\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]\n")]
    [InlineData("workloads:\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]", "workloads:\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]\n    labels: {app: web}\n")]
    [InlineData("workloads:\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]", "workloads:\n  - name: a\n    ips: [10.0.0.1]\n  - name: b\n    ips: [10.0.0.2]namespaces: []\n")]
    [InlineData("workloads:\n  - name: a\n    ips: [10.0.0.1]\n    # note\n  - name: b\n    ips: [10.0.0.2]\n", "workloads:\n  - name: a\n    ips: [10.0.0.1]\n    # note\n    labels: {app: web}\n")]
    public void A_known_item_that_now_clashes_or_continues_reads_as_a_fresh_read(string before, string after)
    {
        var again = Read(after, Read(before, previous: null));

        Assert.Equal(Summary(InventoryFileSource.Parse(after, "inventory.yaml")), Summary(again));
    }

    [Theory]
    [InlineData("workloads:\n- name: a\n  ips: [10.0.0.1]\n- name: b\n  ips: [10.0.0.1]\n")]
    [InlineData("workloads:\n  - name: a\n    ips: [10.0.0.1]\n  - name: \"b\\x2d2\"\n    ips: [10.0.0.2]\n")]
    [InlineData("colour: red\nworkloads:\n  - name: a\n    ips: [10.0.0.1]\nworkloads: []\n")]
    [InlineData("namespaces:\n  - name: prod\n  - name: prod\nworkloads:\n  - name: a\n    ips: [10.0.0.1]\n    labels:\n      app: |\n        web\n")]
    public void Inventories_declined_partway_read_as_the_parser_reads_them(string text)
    {
        Compare(text);
    }

    private static void Compare(string text)
    {
        var parsed = Summary(InventoryFileSource.Parse(text + ParserOnly, "inventory.yaml"));
        if (parsed.Contains("YAML syntax error", StringComparison.Ordinal))
        {
            // A trailing comment changes nothing only in text that is valid YAML.
            return;
        }

        Assert.True(
            Summary(InventoryFileSource.Parse(text, "inventory.yaml")) == parsed,
            $"the fast reader read differently:\n{text}\nparser:\n{parsed}\nfast:\n{Summary(InventoryFileSource.Parse(text, "inventory.yaml"))}");
    }

    private static InventoryLoadResult Read(string text, InventoryLoadResult? previous) =>
        InventoryReader.Read(Encoding.UTF8.GetBytes(text), "inventory.yaml", Ztap.Core.Yaml.InputLimits.Default, previous?.WorkloadTexts, keepTexts: true);

    /// <summary>An inventory without errors: workloads with names and addresses of their own, in one or two lists.</summary>
    private static string ValidInventory(Random random)
    {
        var text = new StringBuilder();
        var indent = random.Next(2) == 0 ? "" : "  ";
        var next = 0;
        for (var list = random.Next(1, 3); list > 0; list--)
        {
            text.Append(random.Next(3) == 0 ? "namespaces:\n" + indent + "- name: prod\n" + indent + "  labels: {env: prod}\n" : "");
            text.Append("workloads:\n");
            for (var count = random.Next(1, 8); count > 0; count--, next++)
            {
                text.Append(indent).Append("- name: w").Append(next).Append('\n');
                text.Append(indent).Append("  ips: [10.0.0.").Append(next).Append(random.Next(3) == 0 ? $", 'fd00::{next}']\n" : "]\n");
                if (random.Next(2) == 0)
                {
                    text.Append(indent).Append("  labels: {app: a").Append(random.Next(3)).Append("}\n");
                }

                if (random.Next(3) == 0)
                {
                    text.Append(indent).Append("  ports: [{name: http, port: 80").Append(random.Next(3)).Append("}]\n");
                }
            }

            text.Append(random.Next(3) == 0 ? "---\n" : "");
        }

        return text.ToString();
    }

    /// <summary>Removes, repeats or swaps a line, adds a blank or comment line, or drops the last line feed.</summary>
    private static string LineEdit(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(6))
        {
            case 0:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[random.Next(lines.Count)]);
                break;
            case 2:
                (lines[at], lines[^1]) = (lines[^1], lines[at]);
                break;
            case 3:
                lines.Insert(at, random.Next(2) == 0 ? "" : "  # note");
                break;
            case 4:
                return text.TrimEnd('\n');
            default:
                lines.Insert(at, $"  - name: w{random.Next(5)}\n    ips: [10.0.9.{random.Next(5)}]");
                break;
        }

        return string.Join('\n', lines);
    }

    private static string Summary(InventoryLoadResult result)
    {
        var summary = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            summary.Append(diagnostic).Append('\n');
        }

        foreach (var workload in result.Inventory.Workloads)
        {
            summary.Append($"{workload.QualifiedName} {string.Join(",", workload.Addresses)} {workload.Labels} {workload.Origin} {workload.NamedPorts.Length}\n");
        }

        foreach (var @namespace in result.Inventory.Namespaces)
        {
            summary.Append($"{@namespace.Name} {@namespace.Labels}\n");
        }

        return summary.ToString();
    }

    private static string Inventory(Random random)
    {
        var text = new StringBuilder();
        var documents = random.Next(1, 3);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0)
            {
                text.Append("---\n");
            }

            var keys = random.Next(1, 4);
            for (var k = 0; k < keys; k++)
            {
                var key = RootKeys[random.Next(RootKeys.Length)];
                text.Append(key).Append(':');
                switch (random.Next(6))
                {
                    case 0:
                        text.Append(" []\n");
                        break;
                    case 1:
                        text.Append(" 5\n");
                        break;
                    default:
                        text.Append('\n');
                        Items(text, random, key.StartsWith("namespaces", StringComparison.Ordinal), random.Next(2) == 0 ? "" : "  ");
                        break;
                }
            }
        }

        return text.ToString();
    }

    private static void Items(StringBuilder text, Random random, bool namespaces, string indent)
    {
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(10) == 0)
            {
                text.Append(indent).Append("- just text\n");
                continue;
            }

            text.Append(indent).Append("- name: ").Append(Names[random.Next(Names.Length)]).Append('\n');
            if (!namespaces && random.Next(8) != 0)
            {
                var ips = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Addresses[random.Next(Addresses.Length)]);
                text.Append(indent).Append("  ips: [").Append(string.Join(", ", ips)).Append("]\n");
            }

            for (var f = random.Next(3); f > 0; f--)
            {
                text.Append(indent).Append("  ").Append(Fields[random.Next(Fields.Length)]).Append('\n');
            }
        }
    }
}
