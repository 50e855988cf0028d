using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary>
/// <c>ztap logs</c> for people: one flow record a line under a header, in columns of fixed
/// minimum width. Records are written as they are read (a log can be large, and followed without
/// end), so columns are not measured first; a longer cell pushes the rest of its line along.
/// </summary>
internal sealed class FlowLogTableRenderer(Palette palette, TextWriter output)
{
    private static readonly int[] Widths = [24, 10, 7, 5, 34, 34, 9, 6];

    public void WriteHeader() => WriteRow(["TIME", "VERDICT", "DIR", "PROTO", "SOURCE", "DESTINATION", "BYTES", "COUNT", "POLICY"], paint: false);

    public void Write(FlowRecord record) => WriteRow(
        [
            record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            record.Verdict == Verdict.Allow ? "allow" : record.Enforced ? "deny" : "audit-deny",
            record.Direction == Direction.Egress ? "egress" : "ingress",
            ProtocolNames.Format(record.Protocol),
            Endpoint(record.Source, record.SourcePort, record.Protocol, record.SourceWorkload),
            Endpoint(record.Destination, record.DestinationPort, record.Protocol, record.DestinationWorkload),
            record.Bytes.ToString(CultureInfo.InvariantCulture),
            record.Count.ToString(CultureInfo.InvariantCulture),
            record.Policy ?? "-",
        ],
        paint: true);

    /// <summary>The address with its port (IPv6 in brackets), then the workload when the inventory knows it.</summary>
    private static string Endpoint(IPAddress address, int port, Protocol protocol, string? workload)
    {
        var text = !ProtocolNames.HasPorts(protocol) ? address.ToString()
            : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{port}"
            : $"{address}:{port}";
        return workload is null ? text : $"{text} {workload}";
    }

    private void WriteRow(string[] cells, bool paint)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var text = i == cells.Length - 1 ? cells[i] : cells[i].PadRight(Widths[i]) + ' ';
            output.Write(paint && i == 1 ? PaintVerdict(cells[i], text) : text);
        }

        output.Write('\n');
    }

    private string PaintVerdict(string verdict, string text) => verdict switch
    {
        "allow" => palette.Allowed(text),
        "deny" => palette.Denied(text),
        _ => palette.Warning(text),
    };
}
