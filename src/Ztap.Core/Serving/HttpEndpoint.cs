using System.Net;
using System.Net.Sockets;

namespace Ztap.Core.Serving;

/// <summary>
/// One HTTP address ztap serves on (metrics, the anomaly service), on HttpListener: part of the base
/// library, so the ztap binary stays NativeAOT-clean without the ASP.NET Core framework. Each request
/// goes to the handler given to <see cref="RunAsync"/>; requests in flight finish before it returns.
/// </summary>
public sealed class HttpEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();

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

    /// <summary>Hands every request to <paramref name="handle"/> until cancelled.</summary>
    public async Task RunAsync(Func<HttpListenerContext, CancellationToken, Task> handle, CancellationToken cancellationToken)
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
            handlers.Add(handle(context, cancellationToken));
        }

        await Task.WhenAll(handlers).ConfigureAwait(false);
    }

    public void Dispose() => _listener.Close();

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
