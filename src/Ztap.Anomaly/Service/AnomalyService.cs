using System.Net;
using System.Text.Json;
using Ztap.Core.Serving;

namespace Ztap.Anomaly.Service;

/// <summary>
/// The detector over HTTP, compatible with the seed's Python service: <c>GET /health</c>, <c>POST /train</c>
/// (a list of flows or <c>{"flows": [...]}</c>), <c>POST /detect</c> (one flow, answered with <c>score</c>,
/// <c>is_anomaly</c> and <c>reason</c>), plus <c>POST /detect/batch</c>, on an <see cref="HttpEndpoint"/>.
/// Requests run one at a time through the detector, whose streaming state is not thread-safe.
/// </summary>
public sealed class AnomalyService(IAnomalyDetector detector, bool trained, ServiceOptions options, TimeProvider time) : IDisposable
{
    private readonly HttpEndpoint _endpoint = new();
    private readonly SemaphoreSlim _detectorGate = new(1, 1);
    private bool _trained = trained;

    /// <summary>Starts listening and returns the address listened on; port 0 picks a free port.</summary>
    public IPEndPoint Start(IPEndPoint listen) => _endpoint.Start(listen);

    /// <summary>Serves requests until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _endpoint.RunAsync(HandleAsync, cancellationToken);

    public void Dispose()
    {
        _endpoint.Dispose();
        _detectorGate.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        ServiceResponse response;
        try
        {
            response = await RouteAsync(request.HttpMethod, request.Url?.AbsolutePath ?? "/", request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            response = ServiceResponse.Error(503, "the service is stopping");
        }

        await WriteAsync(context.Response, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ServiceResponse> RouteAsync(string method, string path, HttpListenerRequest request, CancellationToken cancellationToken)
    {
        var routes = new ServiceRoutes(detector, options, time);
        switch (method, path)
        {
            case ("GET", "/health"):
                return routes.Health(_trained);
            case ("POST", "/train" or "/detect" or "/detect/batch"):
                var (json, problem) = await RequestBody.ReadAsync(request.InputStream, request.ContentLength64, options.MaxRequestBytes, cancellationToken)
                    .ConfigureAwait(false);
                if (json is null)
                {
                    return problem!;
                }

                using (json)
                {
                    await _detectorGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var response = path == "/train" ? routes.Train(json.RootElement, out var nowTrained) : Detect(routes, path, json.RootElement, out nowTrained);
                        _trained |= nowTrained;
                        return response;
                    }
                    finally
                    {
                        _detectorGate.Release();
                    }
                }

            case (_, "/health" or "/train" or "/detect" or "/detect/batch"):
                return ServiceResponse.Error(405, $"{path} does not take {method}");
            default:
                return ServiceResponse.Error(404, $"no endpoint {path}; try GET /health, POST /train, POST /detect or POST /detect/batch");
        }
    }

    private ServiceResponse Detect(ServiceRoutes routes, string path, JsonElement root, out bool nowTrained)
    {
        nowTrained = false;
        return !_trained
            ? ServiceResponse.Error(409, "no model yet: POST /train first, or start the service with --model")
            : path == "/detect" ? routes.Detect(root) : routes.DetectBatch(root);
    }

    private static async Task WriteAsync(HttpListenerResponse response, ServiceResponse result, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        await using (var json = new Utf8JsonWriter(body))
        {
            result.Body(json);
        }

        response.StatusCode = result.Status;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        try
        {
            await response.OutputStream.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
            // The client went away before reading its answer; nothing is left to tell it.
        }
        finally
        {
            response.Close();
        }
    }
}
