using System.Text.Json;

namespace Ztap.Anomaly.FlowFiles;

/// <summary>
/// Reads a flow from a JSON object with the CSV's field names, as the seed's Python service took them:
/// <c>{"timestamp": "2025-10-09T10:00:00", "source_ip": "10.0.0.1", "dest_ip": "10.0.0.2", "port": 443,
/// "protocol": "TCP", "bytes": 1024}</c>, with <c>source_geo</c> and <c>dest_geo</c> optional. A flow without
/// a timestamp happened now. Unknown fields are ignored, as the seed's service ignored them.
/// </summary>
internal static class FlowJsonReader
{
    public static ObservedFlow? Read(JsonElement element, string path, DateTimeOffset now, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected a flow object, found {Describe(element)}");
            return null;
        }

        var before = problems.Count;
        var timestamp = element.TryGetProperty("timestamp", out var time) && time.ValueKind != JsonValueKind.Null
            ? Field(time, "timestamp", FlowFields.Timestamp)
            : now;
        var source = Field(Required(element, "source_ip"), "source_ip", FlowFields.Address);
        var destination = Field(Required(element, "dest_ip"), "dest_ip", FlowFields.Address);
        var port = Field(Required(element, "port"), "port", FlowFields.Port);
        var protocol = Field(Required(element, "protocol"), "protocol", FlowFields.Protocol);
        var bytes = element.TryGetProperty("bytes", out var size) ? Field(size, "bytes", FlowFields.Bytes) : 0;
        var sourceGeo = Optional(element, "source_geo");
        var destinationGeo = Optional(element, "dest_geo");

        return problems.Count == before
            ? new ObservedFlow(timestamp!.Value, source!, destination!, port!.Value, protocol!.Value, bytes!.Value, sourceGeo, destinationGeo)
            : null;

        JsonElement? Required(JsonElement flow, string name)
        {
            if (flow.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }

            problems.Add($"{path}.{name}: missing");
            return null;
        }

        T? Field<T>(JsonElement? value, string name, Parser<T> parse)
        {
            if (value is not { } v)
            {
                return default;
            }

            if (v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problems.Add($"{path}.{name}: expected a string or number, found {Describe(v)}");
                return default;
            }

            var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
            var parsed = parse(text, out var error);
            if (error is not null)
            {
                problems.Add($"{path}.{name}: {error}");
            }

            return parsed;
        }

        string? Optional(JsonElement flow, string name) =>
            flow.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? Field(value, name, FlowFields.Geo)
                : null;
    }

    private delegate T? Parser<T>(string text, out string? error);

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => $"\"{element.GetString()}\"",
        _ => element.GetRawText(),
    };
}
