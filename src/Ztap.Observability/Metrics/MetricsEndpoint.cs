using System.Net;
using System.Text;
using Ztap.Core.Serving;

namespace Ztap.Observability.Metrics;

/// <summary>
/// Serves <c>GET /metrics</c> in the Prometheus text format. Scrapes are answered one at a time: each reads
/// the kernel, and a second scraper should wait rather than double the work.
/// </summary>
public sealed class MetricsEndpoint(ZtapMetrics metrics) : IDisposable
{
    /// <summary>Version 0.0.4 of the text format, the one every Prometheus reads.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly HttpEndpoint _endpoint = new();
    private readonly SemaphoreSlim _scraping = new(1, 1);

    /// <summary>Starts listening and returns the address listened on; port 0 picks a free port.</summary>
    public IPEndPoint Start(IPEndPoint listen) => _endpoint.Start(listen);

    /// <summary>Serves scrapes until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _endpoint.RunAsync(HandleAsync, cancellationToken);

    public void Dispose()
    {
        _endpoint.Dispose();
        _scraping.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? "/";
            if (path != "/metrics")
            {
                await WriteTextAsync(response, 404, "ztap serves Prometheus metrics at /metrics\n", cancellationToken).ConfigureAwait(false);
            }
            else if (context.Request.HttpMethod != "GET")
            {
                await WriteTextAsync(response, 405, "/metrics takes GET\n", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteMetricsAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpListenerException or OperationCanceledException or ObjectDisposedException)
        {
            // The scraper went away or the endpoint is stopping; nothing is left to tell anyone.
        }
        finally
        {
            response.Close();
        }
    }

    private async Task WriteMetricsAsync(HttpListenerResponse response, CancellationToken cancellationToken)
    {
        // Rendered in full before answering, so a failed collection becomes a 500 rather than a cut-off body.
        using var body = new MemoryStream();
        await _scraping.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await metrics.ExportAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await WriteTextAsync(response, 500, $"collecting metrics failed: {e.Message}\n", cancellationToken).ConfigureAwait(false);
            return;
        }
        finally
        {
            _scraping.Release();
        }

        response.StatusCode = 200;
        response.ContentType = ContentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpListenerResponse response, int status, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }
}
