using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ztap.Observability.Metrics;

/// <summary>
/// Serves <c>GET /metrics</c> in the Prometheus text format. Built on HttpListener, part of the base
/// library, so the ztap binary stays NativeAOT-clean. Scrapes are answered one at a time: each reads
/// the kernel, and a second scraper should wait rather than double the work.
/// </summary>
public sealed class MetricsEndpoint(ZtapMetrics metrics) : IDisposable
{
    /// <summary>Version 0.0.4 of the text format, the one every Prometheus reads.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly HttpListener _listener = new();
    private readonly SemaphoreSlim _scraping = new(1, 1);

    /// <summary>
    /// Starts listening and returns the address listened on. Port 0 picks a free port; as HttpListener
    /// cannot report one it chose, a free port is found first and the start retried if another process takes it.
    /// </summary>
    public IPEndPoint Start(IPEndPoint listen)
    {
        for (var attempt = 1; ; attempt++)
        {
            var endpoint = listen.Port == 0 ? new IPEndPoint(listen.Address, FreePort(listen.Address)) : listen;
            var host = endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://{host}:{endpoint.Port}/");
            try
            {
                _listener.Start();
                return endpoint;
            }
            catch (HttpListenerException) when (listen.Port == 0 && attempt < 5)
            {
                // Another process took the port between finding it and binding it; find another.
            }
            catch (HttpListenerException e)
            {
                throw new IOException($"listening on {endpoint}: {e.Message}", e);
            }
        }
    }

    /// <summary>Serves scrapes until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var stop = cancellationToken.Register(_listener.Stop);
        var handlers = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                break;
            }

            handlers.RemoveAll(t => t.IsCompleted);
            handlers.Add(HandleAsync(context, cancellationToken));
        }

        await Task.WhenAll(handlers).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _listener.Close();
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

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
