using System.Net;
using Ztap.Anomaly.FlowFiles;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Tests.FlowFiles;

public sealed class FlowCsvReaderTests
{
    [Fact]
    public async Task Rows_are_read_with_their_fields_and_flows()
    {
        var result = await Read(
            """
            timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo
            # a comment
            2026-03-02T09:15:00Z,10.0.1.5,203.0.113.9,443,tcp,1024,,ir

            1772443800,10.0.1.6,10.0.2.1,53,UDP,90,,
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([3, 5], result.Rows.Select(r => r.Line));
        var first = result.Rows[0].Flow;
        Assert.Equal(new ObservedFlow(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), IPAddress.Parse("10.0.1.5"),
            IPAddress.Parse("203.0.113.9"), 443, Protocol.Tcp, 1024, null, "IR"), first);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), result.Rows[1].Flow.Timestamp);
        Assert.Equal("tcp", result.Rows[0].Fields[4]);
    }

    [Fact]
    public async Task The_geo_columns_may_be_left_out_and_columns_come_in_any_order()
    {
        var result = await Read("bytes,protocol,port,dest_ip,source_ip,timestamp\n10,TCP,22,10.0.2.1,10.0.1.1,2026-03-02T10:00:00\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(22, Assert.Single(result.Rows).Flow.Port);
    }

    [Fact]
    public async Task Every_bad_field_of_every_row_is_reported_with_its_line()
    {
        var result = await Read(
            """
            timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo
            yesterday,10.0.1,10.0.2.1,70000,TCP,10,,
            2026-03-02T10:00:00Z,10.0.1.1,10.0.2.1,22,GRE,-5,USA,
            2026-03-02T10:00:00Z,10.0.1.1
            """);

        Assert.True(result.HasErrors);
        Assert.Equal(
        [
            "flows.csv:2:1: error: timestamp: \"yesterday\" is not a timestamp; use ISO 8601 (2026-03-02T09:15:00Z) or Unix seconds",
            "flows.csv:2:1: error: source_ip: \"10.0.1\" is not an IP address",
            "flows.csv:2:1: error: port: \"70000\" is not a port number from 0 to 65535",
            "flows.csv:3:1: error: protocol: \"GRE\" is not a protocol; use TCP, UDP, SCTP or ICMP",
            "flows.csv:3:1: error: bytes: \"-5\" is not a byte count (a whole number, 0 or more)",
            "flows.csv:3:1: error: source_geo: \"USA\" is not a two-letter country code",
            "flows.csv:4:1: error: expected 8 fields as in the header, found 2",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_misspelt_header_is_refused()
    {
        var result = await Read("timestamp,src_ip,dest_ip,port,protocol,bytes\n");

        Assert.Equal(
        [
            "flows.csv:1:1: error: unknown column \"src_ip\"; the header must be timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo",
            "flows.csv:1:1: error: missing column \"source_ip\"; the header must be timestamp,source_ip,dest_ip,port,protocol,bytes,source_geo,dest_geo",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Fields_with_commas_or_quotes_are_quoted_when_written() =>
        Assert.Equal("\"10.0.1.5 sent 2 GB, 9x \"\"usual\"\"\"", CsvQuote.Field("10.0.1.5 sent 2 GB, 9x \"usual\""));

    private static Task<FlowCsvReadResult> Read(string text) =>
        FlowCsvReader.ReadAsync(new StringReader(text), "flows.csv", CancellationToken.None);
}
