namespace Ztap.Cli.Output;

/// <summary>
/// Columns aligned to their widest cell, two spaces apart, headed in capitals like kubectl. A
/// column may be painted; padding happens first so colour codes never shift the alignment.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly Dictionary<int, Func<string, string, string>> _painters = [];

    /// <summary>Paints a column; the painter gets the raw cell and the padded text to colour.</summary>
    public TextTable Paint(int column, Func<string, string, string> painter)
    {
        _painters[column] = painter;
        return this;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter output)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(output, headers, widths, paint: false);
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths, paint: true);
        }
    }

    private void WriteRow(TextWriter output, string[] cells, int[] widths, bool paint)
    {
        // The last non-empty cell is not padded, so lines carry no trailing spaces.
        var last = Array.FindLastIndex(cells, cell => cell.Length > 0);
        for (var i = 0; i <= last; i++)
        {
            var text = i == last ? cells[i] : cells[i].PadRight(widths[i] + 2);
            output.Write(paint && _painters.TryGetValue(i, out var painter) ? painter(cells[i], text) : text);
        }

        output.Write('\n');
    }
}
