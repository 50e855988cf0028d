using Ztap.Cli.Output;

namespace Ztap.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Columns_are_aligned_to_the_widest_cell_without_trailing_spaces()
    {
        var table = new TextTable("SRC", "VERDICT", "WHY");
        table.Add("web-1", "allow", "rule");
        table.Add("a", "deny", "");
        var output = new StringWriter { NewLine = "\n" };

        table.Write(output);

        Assert.Equal("SRC    VERDICT  WHY\nweb-1  allow    rule\na      deny\n", output.ToString());
    }

    [Fact]
    public void Painted_columns_stay_aligned_because_padding_comes_first()
    {
        var table = new TextTable("VERDICT", "WHY").Paint(0, (_, text) => Palette.Ansi.Denied(text));
        table.Add("deny", "x");
        var output = new StringWriter { NewLine = "\n" };

        table.Write(output);

        Assert.Equal("VERDICT  WHY\n\u001b[31mdeny     \u001b[0mx\n", output.ToString());
    }
}
