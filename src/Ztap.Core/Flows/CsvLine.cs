using System.Text;

namespace Ztap.Core.Flows;

/// <summary>
/// Splits one CSV line into fields the RFC 4180 way: commas separate, double quotes may wrap a
/// field, and a doubled quote inside them is a literal quote. Fields never span lines here, since
/// no flow field can hold a line break.
/// </summary>
internal static class CsvLine
{
    /// <summary>The fields of a line, or null with a reason when a quote is left open.</summary>
    public static List<CsvField>? Split(string line, out string? error)
    {
        var fields = new List<CsvField>();
        var value = new StringBuilder();
        var start = 0;
        var quoted = false;
        error = null;

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    value.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(new CsvField(value.ToString().Trim(), start + 1));
                value.Clear();
                start = i + 1;
            }
            else
            {
                value.Append(c);
            }
        }

        if (quoted)
        {
            error = $"the quote opened in column {line.IndexOf('"', start) + 1} is never closed";
            return null;
        }

        fields.Add(new CsvField(value.ToString().Trim(), start + 1));
        return fields;
    }
}
