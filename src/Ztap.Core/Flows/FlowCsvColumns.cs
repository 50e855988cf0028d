using Ztap.Core.Diagnostics;

namespace Ztap.Core.Flows;

/// <summary>
/// Where each of the four flow columns sits, read from the header line. Columns may come in any
/// order, but all four must be there and nothing else, so a misspelt column is caught rather than
/// silently ignored.
/// </summary>
internal sealed class FlowCsvColumns
{
    public const string Header = "src,dst,port,protocol";

    private static readonly string[] Names = ["src", "dst", "port", "protocol"];

    private readonly int[] _indexes;

    private FlowCsvColumns(int[] indexes, int count)
    {
        _indexes = indexes;
        Count = count;
    }

    /// <summary>How many fields every row must have.</summary>
    public int Count { get; }

    public int Source => _indexes[0];

    public int Destination => _indexes[1];

    public int Port => _indexes[2];

    public int Protocol => _indexes[3];

    public static FlowCsvColumns? Parse(IReadOnlyList<CsvField> fields, string file, int line, DiagnosticBag diagnostics)
    {
        var indexes = new[] { -1, -1, -1, -1 };
        var valid = true;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Value.ToLowerInvariant();
            var known = Array.IndexOf(Names, name);
            if (known < 0 || indexes[known] >= 0)
            {
                var problem = known < 0 ? $"unknown column \"{fields[i].Value}\"" : $"column \"{name}\" appears twice";
                diagnostics.Add(Error(file, line, fields[i].Column, $"{problem}; the header must be {Header}"));
                valid = false;
                continue;
            }

            indexes[known] = i;
        }

        for (var k = 0; k < Names.Length; k++)
        {
            if (indexes[k] < 0)
            {
                diagnostics.Add(Error(file, line, 1, $"missing column \"{Names[k]}\"; the header must be {Header}"));
                valid = false;
            }
        }

        return valid ? new FlowCsvColumns(indexes, fields.Count) : null;
    }

    private static Diagnostic Error(string file, int line, int column, string message) =>
        new(Severity.Error, new SourceLocation(file, line, column), null, "", message);
}
