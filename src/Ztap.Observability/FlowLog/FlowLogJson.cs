using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Observability.FlowLog;

/// <summary>
/// One flow record as one line of JSON, written and read by hand so the native binary needs no
/// reflection. Every field is always written (nulls included), in this order, so lines are easy to
/// grep and compare; the reader accepts any order and ignores fields it does not know.
/// </summary>
public static class FlowLogJson
{
    /// <summary>Options for writing a line: compact, and names like <c>prod/web</c> left unescaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText SourcePort = JsonEncodedText.Encode("sourcePort");
    private static readonly JsonEncodedText Destination = JsonEncodedText.Encode("destination");
    private static readonly JsonEncodedText DestinationPort = JsonEncodedText.Encode("destinationPort");
    private static readonly JsonEncodedText ProtocolName = JsonEncodedText.Encode("protocol");
    private static readonly JsonEncodedText Bytes = JsonEncodedText.Encode("bytes");
    private static readonly JsonEncodedText Count = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText DirectionName = JsonEncodedText.Encode("direction");
    private static readonly JsonEncodedText VerdictName = JsonEncodedText.Encode("verdict");
    private static readonly JsonEncodedText Enforced = JsonEncodedText.Encode("enforced");
    private static readonly JsonEncodedText Policy = JsonEncodedText.Encode("policy");
    private static readonly JsonEncodedText SourceWorkload = JsonEncodedText.Encode("sourceWorkload");
    private static readonly JsonEncodedText DestinationWorkload = JsonEncodedText.Encode("destinationWorkload");
    private static readonly JsonEncodedText SourceGeo = JsonEncodedText.Encode("sourceGeo");
    private static readonly JsonEncodedText DestinationGeo = JsonEncodedText.Encode("destinationGeo");

    /// <summary>Writes the record as one JSON object; the caller ends the line.</summary>
    public static void Write(Utf8JsonWriter writer, FlowRecord record)
    {
        Span<char> address = stackalloc char[64];
        writer.WriteStartObject();
        writer.WriteString(Time, record.Time.UtcDateTime);
        writer.WriteString(Source, Format(record.Source, address));
        writer.WriteNumber(SourcePort, record.SourcePort);
        writer.WriteString(Destination, Format(record.Destination, address));
        writer.WriteNumber(DestinationPort, record.DestinationPort);
        writer.WriteString(ProtocolName, ProtocolNames.Format(record.Protocol));
        writer.WriteNumber(Bytes, record.Bytes);
        writer.WriteNumber(Count, record.Count);
        writer.WriteString(DirectionName, record.Direction == Direction.Egress ? "egress" : "ingress");
        writer.WriteString(VerdictName, record.Verdict == Verdict.Allow ? "allow" : "deny");
        writer.WriteBoolean(Enforced, record.Enforced);
        WriteNullable(writer, Policy, record.Policy);
        WriteNullable(writer, SourceWorkload, record.SourceWorkload);
        WriteNullable(writer, DestinationWorkload, record.DestinationWorkload);
        WriteNullable(writer, SourceGeo, record.SourceGeo);
        WriteNullable(writer, DestinationGeo, record.DestinationGeo);
        writer.WriteEndObject();
    }

    /// <summary>Reads one line; null with the reason when it is not a flow record (a line cut short by a crash, say).</summary>
    public static FlowRecord? Read(ReadOnlySpan<byte> line, out string? error)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            var record = ReadObject(ref reader, out error);
            return record;
        }
        catch (JsonException exception)
        {
            error = $"not JSON: {exception.Message}";
            return null;
        }
    }

    private static FlowRecord? ReadObject(ref Utf8JsonReader reader, out string? error)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "not a JSON object";
            return null;
        }

        var fields = new FlowLogFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (!reader.Read())
            {
                break;
            }

            if (!fields.Set(name, ref reader, out error))
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            error = "the object is cut short";
            return null;
        }

        return fields.ToRecord(out error);
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static ReadOnlySpan<char> Format(IPAddress address, Span<char> buffer) =>
        address.TryFormat(buffer, out var written) ? buffer[..written] : address.ToString().AsSpan();
}
