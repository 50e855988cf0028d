using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Ztap.Integration.Tests.Metrics;

/// <summary>
/// Debian's Prometheus, started for one test: its own storage folder, loopback only, scraping one
/// target every second. Disposing stops it and removes the folder.
/// </summary>
internal sealed class PrometheusServer : IDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly string _directory;
    private readonly Process _process;
    private readonly HttpClient _client;

    public PrometheusServer(IPEndPoint target)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: scripts/install-deps.sh installs Debian's prometheus package");
        }

        _directory = Directory.CreateTempSubdirectory("ztap-prometheus-").FullName;
        var config = Path.Join(_directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global: {"{"}scrape_interval: 1s, scrape_timeout: 1s{"}"}
            scrape_configs:
              - job_name: ztap
                static_configs: [{"{"}targets: ["{target}"]{"}"}]
            """);
        var port = FreePort();
        _process = Process.Start(new ProcessStartInfo(Binary, [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Join(_directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    /// <summary>Evaluates an instant query and returns its single value, or null while it has none (or Prometheus is still starting).</summary>
    public async Task<double?> QueryAsync(string query)
    {
        try
        {
            using var response = await _client.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                // While it starts, Prometheus answers 503 "Service Unavailable" in plain text.
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var result = json.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 1
                ? double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Queries until the value is the one expected, failing with the last value seen after a minute.</summary>
    public async Task WaitForAsync(string query, double expected)
    {
        double? seen = null;
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            seen = await QueryAsync(query);
            if (seen == expected)
            {
                return;
            }
        }

        Assert.Fail($"{query} stayed at {seen?.ToString(CultureInfo.InvariantCulture) ?? "no value"}, expected {expected}");
    }

    public void Dispose()
    {
        using (_process)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
