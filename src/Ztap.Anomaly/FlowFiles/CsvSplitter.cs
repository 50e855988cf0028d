using System.Text;

namespace Ztap.Anomaly.FlowFiles;

/// <summary>
/// Splits a CSV line the RFC 4180 way: commas separate, double quotes may wrap a field and a doubled
/// quote inside them is a literal quote. Fields never span lines, since no flow field holds a line break.
/// </summary>
internal static class CsvSplitter
{
    /// <summary>The fields of a line, trimmed, or null with a reason when a quote is left open.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var value = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                value.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(value.ToString().Trim());
                value.Clear();
            }
            else
            {
                value.Append(c);
            }
        }

        error = quoted ? "a quote is never closed" : null;
        fields.Add(value.ToString().Trim());
        return quoted ? null : fields;
    }

    /// <summary>A field as CSV writes it: quoted when it holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
