using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Ztap.Core.Flows;
using Ztap.Observability.FlowLog;

namespace Ztap.Observability.Tests.FlowLog;

public sealed class FlowLogJsonTests
{
    [Fact]
    public void A_record_is_one_line_with_every_field_and_reads_back_equal()
    {
        var record = Flows.Denied(5432) with { Count = 3, Bytes = 180, Enforced = false, DestinationGeo = "DE" };

        var line = Line(record);

        Assert.Equal(
            """{"time":"2026-03-01T12:00:00Z","source":"fd00::10","sourcePort":45432,"destination":"fd00::20","destinationPort":5432,"protocol":"TCP","bytes":180,"count":3,"direction":"egress","verdict":"deny","enforced":false,"policy":"prod/db-ingress","sourceWorkload":"prod/web-1","destinationWorkload":"prod/db-1","sourceGeo":null,"destinationGeo":"DE"}""",
            line);
        Assert.Equal(record, FlowLogJson.Read(Encoding.UTF8.GetBytes(line), out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_count_and_enforced_default_for_older_lines()
    {
        var line = """{"time":"2026-03-01T12:00:00Z","extra":{"nested":[1,2]},"source":"10.0.0.1","sourcePort":1,"destination":"10.0.0.2","destinationPort":80,"protocol":"UDP","bytes":5,"direction":"ingress","verdict":"allow","policy":null}""";

        var record = FlowLogJson.Read(Encoding.UTF8.GetBytes(line), out _);

        Assert.NotNull(record);
        Assert.Equal((1L, true, IPAddress.Parse("10.0.0.1")), (record.Count, record.Enforced, record.Source));
    }

    [Theory]
    [InlineData("""{"time":"2026-03-01T12:00:00Z","source":"10.0.0.1","destin""", "not JSON")]
    [InlineData("""{"time":"yesterday","source":"10.0.0.1"}""", "time: expected an ISO 8601 time")]
    [InlineData("""{"time":"2026-03-01T12:00:00Z","source":"10.0.0.1","destination":"10.0.0.2","protocol":"TCP","direction":"up","verdict":"allow"}""", "direction: expected egress or ingress")]
    [InlineData("""{"time":"2026-03-01T12:00:00Z","source":"10.0.0.1"}""", "missing destination, protocol, direction, verdict")]
    [InlineData("""[1]""", "not a JSON object")]
    public void A_line_that_is_not_a_flow_record_is_refused_with_the_reason(string line, string reason)
    {
        Assert.Null(FlowLogJson.Read(Encoding.UTF8.GetBytes(line), out var error));
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    private static string Line(FlowRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, FlowLogJson.WriterOptions))
        {
            FlowLogJson.Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
