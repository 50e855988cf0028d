using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.EC2;
using Ztap.Cloud.Aws;

namespace Ztap.Cloud.Tests.FakeEc2;

/// <summary>
/// Serves a <see cref="FakeEc2Api"/> over HTTP on a free loopback port, so that the real AWSSDK.EC2
/// client, pointed at it with fake credentials, exercises its own signing, marshalling, error
/// parsing and retries.
/// </summary>
internal sealed class FakeEc2Server : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public FakeEc2Server(FakeEc2Api ec2)
    {
        Ec2 = ec2;
        (_listener, Url) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public FakeEc2Api Ec2 { get; }

    public string Url { get; }

    /// <summary>A real EC2 client for this server, configured exactly as ztap configures one, through the AWS environment variables.</summary>
    public IAmazonEC2 Client()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL_EC2"] = Url,
            ["AWS_ACCESS_KEY_ID"] = "AKIAFAKE",
            ["AWS_SECRET_ACCESS_KEY"] = "fake-secret",
        };
        return Ec2ClientFactory.Create(new AwsSettings(), new AwsEnvironment(variables.GetValueOrDefault)).Client!;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    private static (HttpListener, string) Listen()
    {
        // HttpListener cannot bind port 0, so ask the OS for a free port and retry if it is taken meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var fields = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
            var (status, xml) = Ec2.Handle(new Ec2Request(fields));
            var bytes = Encoding.UTF8.GetBytes(xml.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/xml;charset=UTF-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
