using System.Globalization;
using Ztap.Core.Diagnostics;
using Ztap.Core.Policy;

namespace Ztap.Core.Flows;

/// <summary>Reads one data line of a flows CSV into a request, reporting every bad field of it.</summary>
internal static class FlowCsvRow
{
    public static FlowRequest? Parse(
        IReadOnlyList<CsvField> fields, FlowCsvColumns columns, string file, int line, DiagnosticBag diagnostics)
    {
        if (fields.Count != columns.Count)
        {
            diagnostics.Add(Error(file, line, 1, "", $"expected {columns.Count} fields as in the header, found {fields.Count}"));
            return null;
        }

        var errors = diagnostics.Count;
        var source = Required(fields[columns.Source], "src", file, line, diagnostics);
        var destination = Required(fields[columns.Destination], "dst", file, line, diagnostics);
        var protocolField = fields[columns.Protocol];
        var portField = fields[columns.Port];

        if (!ProtocolNames.TryParse(protocolField.Value, out var protocol))
        {
            diagnostics.Add(Error(file, line, protocolField.Column, "protocol",
                $"\"{protocolField.Value}\" is not a protocol; use TCP, UDP, SCTP or ICMP"));
        }
        else
        {
            ParsePort(portField, protocol, file, line, diagnostics, out var port);
            if (diagnostics.Count == errors)
            {
                return new FlowRequest(source, destination, protocol, port, new SourceLocation(file, line, 1));
            }
        }

        return null;
    }

    private static string Required(CsvField field, string name, string file, int line, DiagnosticBag diagnostics)
    {
        if (field.Value.Length == 0)
        {
            diagnostics.Add(Error(file, line, field.Column, name, "no endpoint given; write a workload (namespace/name) or an IP address"));
        }

        return field.Value;
    }

    private static void ParsePort(CsvField field, Protocol protocol, string file, int line, DiagnosticBag diagnostics, out int? port)
    {
        port = null;
        if (!ProtocolNames.HasPorts(protocol))
        {
            if (field.Value.Length > 0)
            {
                diagnostics.Add(Error(file, line, field.Column, "port", $"{ProtocolNames.Format(protocol)} has no ports; leave port empty"));
            }

            return;
        }

        if (field.Value.Length == 0)
        {
            diagnostics.Add(Error(file, line, field.Column, "port", $"no port given; {ProtocolNames.Format(protocol)} needs one"));
        }
        else if (!int.TryParse(field.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            diagnostics.Add(Error(file, line, field.Column, "port", $"\"{field.Value}\" is not a port number from 1 to 65535"));
        }
        else
        {
            port = number;
        }
    }

    private static Diagnostic Error(string file, int line, int column, string field, string message) =>
        new(Severity.Error, new SourceLocation(file, line, column), null, field, message);
}
