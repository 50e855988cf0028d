using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Core.Tests.Flows;

public sealed class FlowCsvReaderTests
{
    private static Task<FlowCsvReadResult> Read(string text) =>
        FlowCsvReader.ReadAsync(new StringReader(text), "flows.csv", CancellationToken.None);

    private static IEnumerable<string> Messages(FlowCsvReadResult result) => result.Diagnostics.Select(d => d.ToString());

    [Fact]
    public async Task Rows_are_read_in_file_order_with_their_lines()
    {
        var result = await Read("src,dst,port,protocol\nprod/web-1,prod/db-1,5432,TCP\n\n# comment\n10.0.0.1,db,53,udp\n");

        Assert.False(result.HasErrors);
        Assert.Collection(
            result.Requests,
            r => Assert.Equal(("prod/web-1", "prod/db-1", Protocol.Tcp, (int?)5432, 2), (r.Source, r.Destination, r.Protocol, r.Port, r.Origin.Line)),
            r => Assert.Equal(("10.0.0.1", "db", Protocol.Udp, (int?)53, 5), (r.Source, r.Destination, r.Protocol, r.Port, r.Origin.Line)));
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_fields_may_be_quoted()
    {
        var result = await Read("protocol, port ,dst,src\nTCP,443,\"gw\",\"a,\"\"b\"\"\"\n");

        var request = Assert.Single(result.Requests);
        Assert.Equal(("a,\"b\"", "gw", 443), (request.Source, request.Destination, request.Port));
    }

    [Fact]
    public async Task Icmp_rows_have_no_port()
    {
        var result = await Read("src,dst,port,protocol\nweb,db,,ICMP\n");

        var request = Assert.Single(result.Requests);
        Assert.Equal((Protocol.Icmp, (int?)null), (request.Protocol, request.Port));
        Assert.Equal("ICMP", request.ServiceText);
    }

    [Fact]
    public async Task Every_bad_field_is_reported_with_line_and_column()
    {
        var result = await Read("src,dst,port,protocol\nweb,db,99999,TCP\n,db,80,TCP\nweb,db,80,GRE\nweb,db,,TCP\nweb,db,7,ICMP\nweb,db,80\n");

        Assert.True(result.HasErrors);
        Assert.Empty(result.Requests);
        Assert.Equal(
            [
                "flows.csv:2:8: error: port: \"99999\" is not a port number from 1 to 65535",
                "flows.csv:3:1: error: src: no endpoint given; write a workload (namespace/name) or an IP address",
                "flows.csv:4:11: error: protocol: \"GRE\" is not a protocol; use TCP, UDP, SCTP or ICMP",
                "flows.csv:5:8: error: port: no port given; TCP needs one",
                "flows.csv:6:8: error: port: ICMP has no ports; leave port empty",
                "flows.csv:7:1: error: expected 4 fields as in the header, found 3",
            ],
            Messages(result));
    }

    [Fact]
    public async Task A_header_with_a_misspelt_column_is_rejected()
    {
        var result = await Read("src,dest,port,protocol\nweb,db,80,TCP\n");

        Assert.Equal(
            [
                "flows.csv:1:1: error: missing column \"dst\"; the header must be src,dst,port,protocol",
                "flows.csv:1:5: error: unknown column \"dest\"; the header must be src,dst,port,protocol",
            ],
            Messages(result));
    }

    [Fact]
    public async Task An_empty_file_needs_a_header()
    {
        var result = await Read("");

        Assert.Equal(["flows.csv:1:1: error: no header; the first line must be src,dst,port,protocol"], Messages(result));
    }

    [Fact]
    public async Task An_unclosed_quote_is_reported()
    {
        var result = await Read("src,dst,port,protocol\nweb,\"db,80,TCP\n");

        Assert.Equal(["flows.csv:2:1: error: the quote opened in column 5 is never closed"], Messages(result));
    }

    [Fact]
    public async Task A_file_that_does_not_exist_throws_an_io_error()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            FlowCsvReader.ReadFileAsync(Path.Combine(Path.GetTempPath(), "ztap-no-such-flows.csv"), CancellationToken.None));
    }
}
