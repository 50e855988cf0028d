using System.Collections.Immutable;
using Ztap.Core.Diagnostics;
using Ztap.Core.Flows;

namespace Ztap.Anomaly.FlowFiles;

/// <summary>
/// Reads flows to train on or score from CSV with the header
/// <c>timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo</c> (columns in any order,
/// the geo columns optional). Blank lines and lines starting with <c>#</c> are skipped. Every bad field
/// of every line is reported with its line number and column name.
/// </summary>
public static class FlowCsvReader
{
    /// <summary>The most rows one file may hold, so a runaway file fails fast instead of filling memory.</summary>
    public const int MaxRows = 5_000_000;

    /// <summary>The longest line accepted; a real flow line is well under 200 characters.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>Reads a file. A file that cannot be opened throws, as the OS said no; bad content never does.</summary>
    public static async Task<FlowCsvReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        return await ReadAsync(reader, path, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<FlowCsvReadResult> ReadAsync(TextReader reader, string fileName, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var rows = ImmutableArray.CreateBuilder<FlowCsvRow>();
        var header = ImmutableArray<string>.Empty;
        FlowCsvColumns? columns = null;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.AsSpan().TrimStart() is var trimmed && (trimmed.IsEmpty || trimmed[0] == '#'))
            {
                continue;
            }

            var problems = new List<string>();
            var fields = line.Length > MaxLineLength ? null : CsvLine.Split(line, out _)?.ConvertAll(field => field.Value);
            if (fields is null)
            {
                problems.Add(line.Length > MaxLineLength ? $"line is longer than {MaxLineLength} characters" : "a quote is never closed");
            }
            else if (header.IsEmpty)
            {
                header = [.. fields];
                columns = FlowCsvColumns.Parse(fields, problems);
                problems = [.. problems.Select(p => $"{p}; the header must be {FlowCsvColumns.Header}")];
            }
            else if (rows.Count == MaxRows)
            {
                problems.Add($"more than {MaxRows} rows; split the file");
            }
            else if (columns is not null && FlowCsvRowParser.Parse(fields, columns, problems) is { } flow)
            {
                rows.Add(new FlowCsvRow(lineNumber, [.. fields], flow));
            }

            foreach (var problem in problems)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(fileName, lineNumber, 1), null, "", problem));
            }

            if (columns is null || rows.Count == MaxRows && problems.Count > 0)
            {
                break;
            }
        }

        if (header.IsEmpty)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(fileName, Math.Max(1, lineNumber), 1), null, "",
                $"no header; the first line must be {FlowCsvColumns.Header}"));
        }

        return new FlowCsvReadResult(header, rows.ToImmutable(), diagnostics.ToImmutableSorted());
    }
}
