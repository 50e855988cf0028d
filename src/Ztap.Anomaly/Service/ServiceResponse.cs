using System.Text.Json;

namespace Ztap.Anomaly.Service;

/// <summary>A status code and a JSON body, written by a delegate so no reflection-based serializer is needed.</summary>
internal sealed record ServiceResponse(int Status, Action<Utf8JsonWriter> Body)
{
    public static ServiceResponse Error(int status, string message) => new(status, json =>
    {
        json.WriteStartObject();
        json.WriteString("error", message);
        json.WriteEndObject();
    });

    public static ServiceResponse Ok(Action<Utf8JsonWriter> body) => new(200, body);

    /// <summary>The verdict on one flow as the seed's service returned it.</summary>
    public static void WriteResult(Utf8JsonWriter json, AnomalyResult result)
    {
        json.WriteStartObject();
        json.WriteNumber("score", result.Score);
        json.WriteBoolean("is_anomaly", result.IsAnomaly);
        json.WriteString("reason", result.Reason);
        json.WriteEndObject();
    }
}
