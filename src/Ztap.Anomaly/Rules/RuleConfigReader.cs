using Ztap.Anomaly.Yaml;
using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Rules;

/// <summary>
/// Reads the rule detector's YAML. Every key is optional and falls back to <see cref="RuleConfig.Default"/>;
/// every problem is reported with file, line, column and field path, not only the first.
/// <code>
/// threshold: 50
/// ports: { suspicious: [23, 4444, 6667], score: 60 }
/// countries: { suspicious: [KP, IR], score: 70, database: /var/lib/ztap/country.mmdb }
/// volume: { max_bytes: 1000000000, score: 60 }     # or quantile: 0.999 to learn it
/// </code>
/// </summary>
public static class RuleConfigReader
{
    /// <summary>The largest configuration accepted; a real one is a few hundred bytes.</summary>
    public const int MaxLength = 64 * 1024;

    public static async Task<RuleConfigReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length > MaxLength)
        {
            return Failed(path, $"the file is larger than {MaxLength} bytes");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Read(text, path);
    }

    public static RuleConfigReadResult Read(string text, string fileName)
    {
        var diagnostics = new DiagnosticBag();
        var root = new YamlTreeReader(fileName, diagnostics).Read(new StringReader(text));
        var config = RuleConfig.Default;
        if (root is YamlMapping mapping)
        {
            var fields = new RuleFields(diagnostics);
            config = fields.Apply(mapping, config);
        }
        else if (root is not null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, root.Location, null, "", $"expected a mapping of settings, found {root.Describe()}"));
        }

        return new RuleConfigReadResult(diagnostics.HasErrors ? null : config, diagnostics.ToImmutableSorted());
    }

    private static RuleConfigReadResult Failed(string file, string message) =>
        new(null, [new Diagnostic(Severity.Error, new SourceLocation(file, 1, 1), null, "", message)]);
}
