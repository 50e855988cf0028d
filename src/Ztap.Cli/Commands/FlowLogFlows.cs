using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ztap.Anomaly;
using Ztap.Anomaly.FlowFiles;
using Ztap.Core.Diagnostics;
using FlowRecord = Ztap.Core.Flows.FlowRecord;
using Ztap.Core.Policy;
using Ztap.Observability.FlowLog;

namespace Ztap.Cli.Commands;

/// <summary>
/// Reads a flow log file (JSON lines, as the agent writes them) as the anomaly verbs read a flows CSV:
/// each record becomes a row under the CSV's header, so training sees the same flows and scoring
/// prints the same columns. A line that is not a flow record is an error naming its line, as in a CSV.
/// </summary>
internal static class FlowLogFlows
{
    private static readonly ImmutableArray<string> Header = [.. FlowCsvColumns.Header.Split(',')];

    /// <summary>A flow log by its name (<c>.jsonl</c>) or its content (the first character that is not blank is <c>{</c>).</summary>
    public static async Task<bool> IsFlowLogAsync(string path, CancellationToken cancellationToken)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        using var reader = new StreamReader(path);
        var buffer = new char[1];
        while (await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) == 1)
        {
            if (!char.IsWhiteSpace(buffer[0]))
            {
                return buffer[0] == '{';
            }
        }

        return false;
    }

    public static async Task<FlowCsvReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var rows = ImmutableArray.CreateBuilder<FlowCsvRow>();
        var lineNumber = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? problem = null;
            if (rows.Count == FlowCsvReader.MaxRows)
            {
                problem = $"more than {FlowCsvReader.MaxRows} records; split the file";
            }
            else if (FlowLogJson.Read(Encoding.UTF8.GetBytes(line), out var error) is { } record)
            {
                rows.Add(new FlowCsvRow(lineNumber, Fields(record), ObservedFlow.From(record)));
                continue;
            }
            else
            {
                problem = $"not a flow log record: {error}";
            }

            diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(path, lineNumber, 1), null, "", problem));
            if (rows.Count == FlowCsvReader.MaxRows)
            {
                break;
            }
        }

        return new FlowCsvReadResult(Header, rows.ToImmutable(), diagnostics.ToImmutableSorted());
    }

    /// <summary>The record's flow as a CSV row of the same header would write it.</summary>
    private static ImmutableArray<string> Fields(FlowRecord record) =>
    [
        record.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        record.Source.ToString(),
        record.Destination.ToString(),
        record.DestinationPort.ToString(CultureInfo.InvariantCulture),
        ProtocolNames.Format(record.Protocol),
        record.Bytes.ToString(CultureInfo.InvariantCulture),
        record.SourceGeo ?? "",
        record.DestinationGeo ?? "",
    ];
}
