namespace Ztap.Anomaly.FlowFiles;

/// <summary>
/// The columns of a flows CSV, found by name in its header: the six flow fields are required, the two
/// geo columns optional, and any other name is refused so a misspelt column is caught, not ignored.
/// </summary>
internal sealed class FlowCsvColumns
{
    public const string Header = "timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo";

    private static readonly string[] Names = Header.Split(',');
    private const int Required = 6;

    private readonly int[] _indexes;

    private FlowCsvColumns(int[] indexes, int count)
    {
        _indexes = indexes;
        Count = count;
    }

    /// <summary>How many fields every row has.</summary>
    public int Count { get; }

    /// <summary>Where the named column sits in a row, by its position in <see cref="Header"/>; -1 for an absent optional column.</summary>
    public int this[int column] => _indexes[column];

    public static FlowCsvColumns? Parse(IReadOnlyList<string> fields, List<string> problems)
    {
        var indexes = Enumerable.Repeat(-1, Names.Length).ToArray();
        for (var i = 0; i < fields.Count; i++)
        {
            var known = Array.IndexOf(Names, fields[i].ToLowerInvariant());
            if (known < 0 || indexes[known] >= 0)
            {
                problems.Add(known < 0 ? $"unknown column \"{fields[i]}\"" : $"column \"{fields[i]}\" appears twice");
                continue;
            }

            indexes[known] = i;
        }

        problems.AddRange(Names.Take(Required).Where((_, k) => indexes[k] < 0).Select(name => $"missing column \"{name}\""));
        return problems.Count == 0 ? new FlowCsvColumns(indexes, fields.Count) : null;
    }
}
