using Ztap.Core.Diagnostics;

namespace Ztap.Cli.Output;

/// <summary>Diagnostics as a compiler prints them (<c>file:line:col: error: ns/name spec.x: message</c>), sorted, one a line.</summary>
internal static class DiagnosticText
{
    public static IEnumerable<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .OrderBy(d => d.Location.File, StringComparer.Ordinal)
        .ThenBy(d => d.Location.Line)
        .ThenBy(d => d.Location.Column);

    public static void WriteAll(IEnumerable<Diagnostic> diagnostics, TextWriter output, Palette palette)
    {
        foreach (var diagnostic in Sorted(diagnostics))
        {
            output.WriteLine(Format(diagnostic, palette));
        }
    }

    /// <summary>The diagnostic's own text with its level coloured; the text itself is the Core's, so it reads the same everywhere.</summary>
    public static string Format(Diagnostic diagnostic, Palette palette)
    {
        var text = diagnostic.ToString();
        var level = diagnostic.Severity == Severity.Error ? "error:" : "warning:";
        var at = text.IndexOf(": " + level, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var painted = diagnostic.Severity == Severity.Error ? palette.Error(level) : palette.Warning(level);
        return string.Concat(text.AsSpan(0, at + 2), painted, text.AsSpan(at + 2 + level.Length));
    }

    /// <summary>"2 errors, 1 warning"; "no problems" when there are none.</summary>
    public static string Count(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        var parts = new List<string>(2);
        if (errors > 0)
        {
            parts.Add(Plural.Of(errors, "error"));
        }

        if (warnings > 0)
        {
            parts.Add(Plural.Of(warnings, "warning"));
        }

        return parts.Count == 0 ? "no problems" : string.Join(", ", parts);
    }
}
