using Ztap.Cli.Output;
using Ztap.Core.Diagnostics;

namespace Ztap.Cli.Tests.Output;

public sealed class DiagnosticTextTests
{
    private static readonly Diagnostic Error = new(Severity.Error, new SourceLocation("a.yaml", 3, 7), "default/web", "spec.egress[0]", "bad");
    private static readonly Diagnostic Warning = new(Severity.Warning, new SourceLocation("a.yaml", 1, 1), null, "", "odd");

    [Fact]
    public void Without_colour_a_diagnostic_reads_exactly_as_the_core_writes_it()
    {
        Assert.Equal(Error.ToString(), DiagnosticText.Format(Error, Palette.None));
        Assert.Equal("a.yaml:3:7: error: default/web spec.egress[0]: bad", Error.ToString());
    }

    [Fact]
    public void On_a_terminal_only_the_level_is_coloured()
    {
        Assert.Equal("a.yaml:3:7: \u001b[1;31merror:\u001b[0m default/web spec.egress[0]: bad", DiagnosticText.Format(Error, Palette.Ansi));
        Assert.Equal("a.yaml:1:1: \u001b[33mwarning:\u001b[0m odd", DiagnosticText.Format(Warning, Palette.Ansi));
    }

    [Fact]
    public void Counts_name_errors_and_warnings_in_the_plural_when_needed()
    {
        Assert.Equal("1 error, 1 warning", DiagnosticText.Count([Error, Warning]));
        Assert.Equal("2 errors", DiagnosticText.Count([Error, Error]));
        Assert.Equal("no problems", DiagnosticText.Count([]));
    }

    [Fact]
    public void Diagnostics_are_sorted_by_file_line_and_column()
    {
        Assert.Equal([Warning, Error], DiagnosticText.Sorted([Error, Warning]));
    }
}
