using Ztap.Core.Diagnostics;

namespace Ztap.Cli.Output;

/// <summary>
/// <c>ztap validate -o table</c>: every diagnostic like a compiler, then one summary line:
/// "3 policies in 2 files: valid", or "2 errors, 1 warning".
/// </summary>
internal sealed class ValidateTableRenderer(Palette palette) : IRenderer<ValidationReport>
{
    public void Render(ValidationReport report, TextWriter output)
    {
        var diagnostics = report.Result.Diagnostics;
        DiagnosticText.WriteAll(diagnostics, output, palette);

        if (!report.IsValid)
        {
            output.WriteLine(palette.Error(DiagnosticText.Count(diagnostics)));
            return;
        }

        var summary = $"{Plural.Of(report.Result.Policies.Length, "policy")} in {Plural.Of(report.FileCount, "file")}: {palette.Allowed("valid")}";
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        output.WriteLine(warnings == 0 ? summary : $"{summary}, {Plural.Of(warnings, "warning")}");
    }
}
