using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Service;
using Ztap.Anomaly.Tests.Forest;

namespace Ztap.Anomaly.Tests.Service;

public sealed class AnomalyServiceTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client = new();
    private AnomalyService? _service;
    private Task _running = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _service = new AnomalyService(
            new ForestDetector(ForestDetectorOptions.Default), trained: false, new ServiceOptions(MaxRequestBytes: 2 * 1024 * 1024), TimeProvider.System);
        var endpoint = _service.Start(new IPEndPoint(IPAddress.Loopback, 0));
        _client.BaseAddress = new Uri($"http://{endpoint}/");
        _running = _service.RunAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _service!.Dispose();
        _client.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task Health_says_whether_a_model_is_trained()
    {
        var (status, body) = await Get("health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("model_trained").GetBoolean());
    }

    [Fact]
    public async Task Detecting_before_training_is_a_conflict()
    {
        var (status, body) = await Post("detect", Flow(OfficeTraffic.Days(1, 1)[0]));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("POST /train", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trained_service_scores_one_flow_as_the_seed_did()
    {
        await Train(asObject: false);

        var (status, body) = await Post("detect",
            """{"source_ip":"10.0.1.7","dest_ip":"10.0.2.3","port":4444,"protocol":"TCP","bytes":5000000,"timestamp":"2026-03-09T03:00:00"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(body.GetProperty("score").GetDouble(), 0, 100);
        Assert.True(body.GetProperty("is_anomaly").GetBoolean());
        Assert.StartsWith("10.0.1.7 ", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_is_answered_flow_for_flow()
    {
        await Train(asObject: true);
        var flows = OfficeTraffic.Days(1, 2).Take(50).Select(f => f with { Timestamp = f.Timestamp.AddDays(7) });

        var (status, body) = await Post("detect/batch", $"{{\"flows\": [{string.Join(",", flows.Select(Flow))}]}}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(50, body.GetProperty("results").GetArrayLength());
        Assert.True((await Get("health")).Body.GetProperty("model_trained").GetBoolean());
    }

    [Theory]
    [InlineData("{\"source_ip\": ", "not valid JSON")]
    [InlineData("[1, 2]", "expected a flow object")]
    [InlineData("{\"source_ip\":\"10.0.1\",\"dest_ip\":\"10.0.2.3\",\"port\":99999,\"protocol\":\"TCP\"}", "flow.source_ip: \"10.0.1\" is not an IP address; flow.port:")]
    public async Task Bad_requests_get_400_saying_what_is_wrong(string json, string expected)
    {
        await Train(asObject: false);

        var (status, body) = await Post("detect", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        var (status, _) = await Post("train", "[" + new string(' ', 3 * 1024 * 1024) + "]");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_told_apart()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get("predict")).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Get("detect")).Status);
    }

    private async Task Train(bool asObject)
    {
        var flows = string.Join(",", OfficeTraffic.Days(5, 1).Select(Flow));
        var (status, body) = await Post("train", asObject ? $"{{\"flows\": [{flows}]}}" : $"[{flows}]");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(6000, body.GetProperty("samples").GetInt32());
    }

    private static string Flow(ObservedFlow flow) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"timestamp\":\"{flow.Timestamp:O}\",\"source_ip\":\"{flow.Source}\",\"dest_ip\":\"{flow.Destination}\",\"port\":{flow.Port},\"protocol\":\"TCP\",\"bytes\":{flow.Bytes}}}");

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string path) => await Parse(await _client.GetAsync(path));

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json) =>
        await Parse(await _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json")));

    private static async Task<(HttpStatusCode, JsonElement)> Parse(HttpResponseMessage response)
    {
        using (response)
        {
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }
    }
}
