using System.Net;
using Ztap.Observability.Metrics;
using static Ztap.Observability.Tests.Metrics.Statuses;

namespace Ztap.Observability.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_at_slash_metrics_in_the_text_format()
    {
        var metrics = new ZtapMetrics("1");
        metrics.Observe(Installed(1, [Counts("prod/a", 3, 0)]));
        using var cancel = new CancellationTokenSource();
        using var endpoint = new MetricsEndpoint(metrics);
        var address = endpoint.Start(new IPEndPoint(IPAddress.Loopback, 0));
        var serving = endpoint.RunAsync(cancel.Token);
        using var client = new HttpClient { BaseAddress = new Uri($"http://{address}/") };

        using var scrape = await client.GetAsync(new Uri("metrics", UriKind.Relative));
        using var elsewhere = await client.GetAsync(new Uri("other", UriKind.Relative));
        using var post = await client.PostAsync(new Uri("metrics", UriKind.Relative), new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal(MetricsEndpoint.ContentType, scrape.Content.Headers.ContentType?.ToString());
        Assert.Contains("ztap_flows_allowed_total{backend=\"ebpf\",policy=\"prod/a\"} 3", await scrape.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        await cancel.CancelAsync();
        await serving;
    }
}
