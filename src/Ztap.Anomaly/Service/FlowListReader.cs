using System.Text.Json;
using Ztap.Anomaly.FlowFiles;

namespace Ztap.Anomaly.Service;

/// <summary>Reads the flows of a train or batch request: a JSON list of flows, or an object holding one under <c>flows</c>.</summary>
internal static class FlowListReader
{
    public static (List<ObservedFlow>? Flows, ServiceResponse? Problem) Read(JsonElement root, int maxFlows, DateTimeOffset now)
    {
        var (list, path) = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("flows", out var flows)
            ? (flows, "flows")
            : (root, "");
        if (list.ValueKind != JsonValueKind.Array)
        {
            return (null, ServiceResponse.Error(400, "expected a list of flows, or {\"flows\": [...]}"));
        }

        if (list.GetArrayLength() > maxFlows)
        {
            return (null, ServiceResponse.Error(413, $"more than {maxFlows} flows in one request"));
        }

        var problems = new List<string>();
        var result = new List<ObservedFlow>(list.GetArrayLength());
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (FlowJsonReader.Read(item, $"{path}[{index++}]", now, problems) is { } flow)
            {
                result.Add(flow);
            }
        }

        // Ten problems say what is wrong; a thousand only bury it.
        return problems.Count == 0
            ? (result, null)
            : (null, ServiceResponse.Error(400, string.Join("; ", problems.Take(10)) + (problems.Count > 10 ? $"; and {problems.Count - 10} more" : "")));
    }
}
