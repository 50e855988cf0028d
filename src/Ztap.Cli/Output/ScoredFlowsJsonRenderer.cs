using System.Globalization;

namespace Ztap.Cli.Output;

/// <summary>
/// <c>{"flows": N, "anomalies": K, "results": [...]}</c>: each result holds the row's columns under their CSV
/// names (port and bytes as numbers, the rest as written) and <c>score</c>, <c>is_anomaly</c> and <c>reason</c>.
/// </summary>
internal sealed class ScoredFlowsJsonRenderer : IRenderer<ScoredFlows>
{
    public void Render(ScoredFlows report, TextWriter output)
    {
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        writer.WriteStartObject();
        writer.WriteNumber("flows", report.Rows.Length);
        writer.WriteNumber("anomalies", report.Anomalies);
        writer.WriteStartArray("results");
        for (var i = 0; i < report.Rows.Length; i++)
        {
            writer.WriteStartObject();
            for (var c = 0; c < report.Header.Length; c++)
            {
                var name = report.Header[c].ToLowerInvariant();
                var value = report.Rows[i].Fields[c];
                if (name is "port" or "bytes")
                {
                    writer.WriteNumber(name, long.Parse(value, CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteString(name, value);
                }
            }

            var result = report.Results[i];
            writer.WriteNumber("score", result.Score);
            writer.WriteBoolean("is_anomaly", result.IsAnomaly);
            writer.WriteString("reason", result.Reason);
            writer.WriteEndObject();
            json.FlushIfLarge();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
