using System.Text.Json;
using Ztap.Anomaly.FlowFiles;

namespace Ztap.Anomaly.Service;

/// <summary>What each endpoint of the service does once its body is read; callers hold the detector's lock.</summary>
internal sealed class ServiceRoutes(IAnomalyDetector detector, ServiceOptions options, TimeProvider time)
{
    public ServiceResponse Health(bool trained) => ServiceResponse.Ok(json =>
    {
        json.WriteStartObject();
        json.WriteString("status", "healthy");
        json.WriteBoolean("model_trained", trained);
        json.WriteEndObject();
    });

    public ServiceResponse Train(JsonElement root, out bool trained)
    {
        trained = false;
        var (flows, problem) = FlowListReader.Read(root, options.MaxFlowsPerRequest, time.GetUtcNow());
        if (flows is null)
        {
            return problem!;
        }

        if (flows.Count == 0)
        {
            return ServiceResponse.Error(400, "training needs at least one flow");
        }

        detector.Train(flows);
        trained = true;
        return ServiceResponse.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteString("status", "trained");
            json.WriteNumber("samples", flows.Count);
            json.WriteEndObject();
        });
    }

    public ServiceResponse Detect(JsonElement root)
    {
        var problems = new List<string>();
        if (FlowJsonReader.Read(root, "flow", time.GetUtcNow(), problems) is not { } flow)
        {
            return ServiceResponse.Error(400, string.Join("; ", problems));
        }

        var result = detector.Detect(flow);
        return ServiceResponse.Ok(json => ServiceResponse.WriteResult(json, result));
    }

    public ServiceResponse DetectBatch(JsonElement root)
    {
        var (flows, problem) = FlowListReader.Read(root, options.MaxFlowsPerRequest, time.GetUtcNow());
        if (flows is null)
        {
            return problem!;
        }

        // The batch is scored in time order, so context carries across it as it does across a file.
        var order = Enumerable.Range(0, flows.Count).OrderBy(i => flows[i].Timestamp).ToList();
        var results = new AnomalyResult[flows.Count];
        foreach (var i in order)
        {
            results[i] = detector.Detect(flows[i]);
        }

        return ServiceResponse.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                ServiceResponse.WriteResult(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
