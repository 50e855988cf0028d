using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Flows;

/// <summary>
/// Reads flows to decide from CSV: a header naming the columns <c>src,dst,port,protocol</c> (in any
/// order), then one flow a line. Blank lines and lines starting with <c>#</c> are skipped; port is
/// empty for ICMP. Every bad line is reported, with its line and column.
/// </summary>
public static class FlowCsvReader
{
    /// <summary>The most flows one file may hold, so a runaway file fails fast instead of filling memory.</summary>
    public const int MaxFlows = 1_000_000;

    /// <summary>The longest line accepted; a real flow line is well under 200 characters.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>Reads a file. A file that cannot be opened throws, as the OS said no; bad content never does.</summary>
    public static async Task<FlowCsvReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        return await ReadAsync(reader, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads CSV text; <paramref name="fileName"/> is what diagnostics name as the file.</summary>
    public static async Task<FlowCsvReadResult> ReadAsync(TextReader reader, string fileName, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var requests = ImmutableArray.CreateBuilder<FlowRequest>();
        FlowCsvColumns? columns = null;
        var headerSeen = false;
        var lineNumber = 0;

        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (IsSkipped(line))
            {
                continue;
            }

            if (line.Length > MaxLineLength)
            {
                diagnostics.Add(Error(fileName, lineNumber, $"line is longer than {MaxLineLength} characters"));
                continue;
            }

            if (CsvLine.Split(line, out var splitError) is not { } fields)
            {
                diagnostics.Add(Error(fileName, lineNumber, splitError!));
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                columns = FlowCsvColumns.Parse(fields, fileName, lineNumber, diagnostics);
                if (columns is null)
                {
                    break;
                }

                continue;
            }

            if (requests.Count == MaxFlows)
            {
                diagnostics.Add(Error(fileName, lineNumber, $"more than {MaxFlows} flows; split the file"));
                break;
            }

            if (FlowCsvRow.Parse(fields, columns!, fileName, lineNumber, diagnostics) is { } request)
            {
                requests.Add(request);
            }
        }

        if (!headerSeen)
        {
            diagnostics.Add(Error(fileName, Math.Max(lineNumber, 1), $"no header; the first line must be {FlowCsvColumns.Header}"));
        }

        return new FlowCsvReadResult(requests.ToImmutable(), diagnostics.ToImmutableSorted());
    }

    private static bool IsSkipped(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    private static Diagnostic Error(string file, int line, string message) =>
        new(Severity.Error, new SourceLocation(file, line, 1), null, "", message);
}
