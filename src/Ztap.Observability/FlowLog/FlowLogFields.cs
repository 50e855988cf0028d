using System.Net;
using System.Text;
using System.Text.Json;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Observability.FlowLog;

/// <summary>The fields of one flow log line as they are read, checked and then turned into a record.</summary>
internal sealed class FlowLogFields
{
    private DateTimeOffset? _time;
    private IPAddress? _source;
    private IPAddress? _destination;
    private int _sourcePort;
    private int _destinationPort;
    private Protocol? _protocol;
    private long _bytes;
    private long _count = 1;
    private Direction? _direction;
    private Verdict? _verdict;
    private bool _enforced = true;
    private string? _policy;
    private string? _sourceWorkload;
    private string? _destinationWorkload;
    private string? _sourceGeo;
    private string? _destinationGeo;

    public bool Set(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, out string? error)
    {
        error = null;
        switch (Encoding.UTF8.GetString(name))
        {
            case "time":
                _time = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time) ? time : null;
                return _time is not null || Fail("time", "an ISO 8601 time", out error);
            case "source":
                return Address(ref reader, out _source) || Fail("source", "an IP address", out error);
            case "destination":
                return Address(ref reader, out _destination) || Fail("destination", "an IP address", out error);
            case "sourcePort":
                return Port(ref reader, out _sourcePort) || Fail("sourcePort", "a port from 0 to 65535", out error);
            case "destinationPort":
                return Port(ref reader, out _destinationPort) || Fail("destinationPort", "a port from 0 to 65535", out error);
            case "protocol":
                _protocol = reader.TokenType == JsonTokenType.String && ProtocolNames.TryParse(reader.GetString()!, out var protocol) ? protocol : null;
                return _protocol is not null || Fail("protocol", "TCP, UDP, SCTP or ICMP", out error);
            case "bytes":
                return Count(ref reader, out _bytes) || Fail("bytes", "a count", out error);
            case "count":
                return Count(ref reader, out _count) || Fail("count", "a count", out error);
            case "direction":
                _direction = Text(ref reader) switch { "egress" => Direction.Egress, "ingress" => Direction.Ingress, _ => null };
                return _direction is not null || Fail("direction", "egress or ingress", out error);
            case "verdict":
                _verdict = Text(ref reader) switch { "allow" => Verdict.Allow, "deny" => Verdict.Deny, _ => null };
                return _verdict is not null || Fail("verdict", "allow or deny", out error);
            case "enforced":
                _enforced = reader.TokenType != JsonTokenType.False;
                return reader.TokenType is JsonTokenType.True or JsonTokenType.False || Fail("enforced", "true or false", out error);
            case "policy":
                _policy = Text(ref reader);
                return true;
            case "sourceWorkload":
                _sourceWorkload = Text(ref reader);
                return true;
            case "destinationWorkload":
                _destinationWorkload = Text(ref reader);
                return true;
            case "sourceGeo":
                _sourceGeo = Text(ref reader);
                return true;
            case "destinationGeo":
                _destinationGeo = Text(ref reader);
                return true;
            default:
                // A field from a newer writer: skip its value, whatever its shape.
                reader.Skip();
                return true;
        }
    }

    public FlowRecord? ToRecord(out string? error)
    {
        var missing = new[] { ("time", _time is null), ("source", _source is null), ("destination", _destination is null), ("protocol", _protocol is null), ("direction", _direction is null), ("verdict", _verdict is null) }
            .Where(f => f.Item2)
            .Select(f => f.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            error = $"missing {string.Join(", ", missing)}";
            return null;
        }

        error = null;
        return new FlowRecord(
            _time!.Value, _source!, _sourcePort, _destination!, _destinationPort, _protocol!.Value, _bytes, _direction!.Value, _verdict!.Value,
            _enforced, _policy, _sourceWorkload, _destinationWorkload, _count, _sourceGeo, _destinationGeo);
    }

    private static bool Fail(string field, string expected, out string? error)
    {
        error = $"{field}: expected {expected}";
        return false;
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private static bool Address(ref Utf8JsonReader reader, out IPAddress? address)
    {
        address = null;
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && IPAddress.TryParse(reader.ValueSpan, out address);
    }

    private static bool Port(ref Utf8JsonReader reader, out int port)
    {
        port = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out port) && port is >= 0 and <= 65535;
    }

    private static bool Count(ref Utf8JsonReader reader, out long count)
    {
        count = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out count) && count >= 0;
    }
}
