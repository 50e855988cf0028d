using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ztap.Observability.Metrics;

namespace Ztap.Observability.Tests.Metrics;

/// <summary>A rendered /metrics page, read back into samples the way Prometheus reads it.</summary>
internal sealed partial class Exposition(string text)
{
    public string Text { get; } = text;

    public static async Task<Exposition> Of(ZtapMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.ExportAsync(stream, CancellationToken.None);
        return new Exposition(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The metric families declared by <c># TYPE</c> lines.</summary>
    public IReadOnlySet<string> Families => Text.Split('\n')
        .Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal))
        .Select(line => line.Split(' ')[2])
        .ToHashSet();

    /// <summary>The value of the one sample with this name and these labels, or null when there is none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        var matches = Samples().Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value)).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"{matches.Count} samples of {name} match"),
        };
    }

    public IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Samples()
    {
        foreach (var line in Text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            yield return (match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
