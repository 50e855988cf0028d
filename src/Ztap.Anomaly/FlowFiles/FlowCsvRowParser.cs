namespace Ztap.Anomaly.FlowFiles;

/// <summary>Reads one data line of a flows CSV into a flow, adding "column: problem" for each bad field.</summary>
internal static class FlowCsvRowParser
{
    public static ObservedFlow? Parse(IReadOnlyList<string> fields, FlowCsvColumns columns, List<string> problems)
    {
        if (fields.Count != columns.Count)
        {
            problems.Add($"expected {columns.Count} fields as in the header, found {fields.Count}");
            return null;
        }

        string? error = null;
        var timestamp = FlowFields.Timestamp(fields[columns[0]], out error);
        Note("timestamp", error);
        var source = FlowFields.Address(fields[columns[1]], out error);
        Note("source_ip", error);
        var destination = FlowFields.Address(fields[columns[2]], out error);
        Note("dest_ip", error);
        var port = FlowFields.Port(fields[columns[3]], out error);
        Note("port", error);
        var protocol = FlowFields.Protocol(fields[columns[4]], out error);
        Note("protocol", error);
        var bytes = FlowFields.Bytes(fields[columns[5]], out error);
        Note("bytes", error);
        var sourceGeo = columns[6] < 0 ? null : FlowFields.Geo(fields[columns[6]], out error);
        Note("source_geo", columns[6] < 0 ? null : error);
        var destinationGeo = columns[7] < 0 ? null : FlowFields.Geo(fields[columns[7]], out error);
        Note("dest_geo", columns[7] < 0 ? null : error);

        return timestamp is { } t && source is not null && destination is not null && port is { } p && protocol is { } proto && bytes is { } b
            && problems.Count == 0
            ? new ObservedFlow(t, source, destination, p, proto, b, sourceGeo, destinationGeo)
            : null;

        void Note(string column, string? problem)
        {
            if (problem is not null)
            {
                problems.Add($"{column}: {problem}");
            }
        }
    }
}
