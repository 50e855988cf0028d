using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Policy;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Metrics;

[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MetricsScrapeTests(ProbeBinary probe)
{
    private const string Policy = "prod/web-egress";

    private const string WebToOutsider = """
        apiVersion: ztap/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress:
            - to: [{ipBlock: {cidr: 10.77.0.50/32}}]
              ports: [{protocol: TCP, port: 80}PORTS]
        """;

    [RootFact]
    public async Task Prometheus_scrapes_flows_counted_in_the_kernel_and_they_keep_growing_across_policy_versions()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var first = estate.Compile(WebToOutsider.Replace("PORTS", ""));
        await scene.Enforcer.ApplyAsync(first, new EnforcementOptions(), CancellationToken.None);
        var ztap = ZtapProcess.Start(scene.Location, "metrics", "--listen", "127.0.0.1:0");
        scene.OnDispose(() =>
        {
            using (ztap)
            {
                ztap.Kill();
                ztap.WaitForExit();
            }
        });
        var endpoint = ListeningAddress(ztap);
        using var prometheus = new PrometheusServer(endpoint);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Outsider.V4, Protocol.Tcp, 80)));
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("eperm", estate.Attempt(Web, new Flow(Web.V4, Outsider.V4, Protocol.Tcp, 443)));
        }

        await prometheus.WaitForAsync($"ztap_flows_allowed_total{{policy=\"{Policy}\"}}", 3);
        await prometheus.WaitForAsync($"ztap_flows_blocked_total{{policy=\"{Policy}\"}}", 2);
        await prometheus.WaitForAsync($"ztap_policy_set_info{{version=\"{first.Version}\",mode=\"enforce\"}}", 1);

        // The new version starts the kernel's per-policy counters at zero; the exported ones go on.
        var second = estate.Compile(WebToOutsider.Replace("PORTS", ", {protocol: TCP, port: 8080}"));
        await scene.Enforcer.ApplyAsync(second, new EnforcementOptions(), CancellationToken.None);
        Assert.Equal("allow", estate.Attempt(Web, new Flow(Web.V4, Outsider.V4, Protocol.Tcp, 8080)));

        await prometheus.WaitForAsync($"ztap_policy_set_info{{version=\"{second.Version}\"}}", 1);
        await prometheus.WaitForAsync($"ztap_flows_allowed_total{{policy=\"{Policy}\"}}", 4);
        await prometheus.WaitForAsync($"ztap_flows_blocked_total{{policy=\"{Policy}\"}}", 2);
        await prometheus.WaitForAsync("ztap_policies_enforced_total", 2);
        await prometheus.WaitForAsync("ztap_map_entries{map=\"policies\"} / ztap_map_capacity{map=\"policies\"} > 0", 1.0 / 16384);

        using var client = new HttpClient();
        var (exitCode, lint) = Promtool.CheckMetrics(await client.GetStringAsync(new Uri($"http://{endpoint}/metrics")));
        Assert.True(exitCode == 0, lint);
    }

    /// <summary>The address <c>ztap metrics</c> says it serves on, from its first line of output.</summary>
    private static IPEndPoint ListeningAddress(System.Diagnostics.Process ztap)
    {
        var line = ztap.StandardOutput.ReadLine() ?? "";
        const string prefix = "serving metrics on http://";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            Assert.Fail($"ztap metrics said: {line} {ztap.StandardError.ReadToEnd()}");
        }

        return IPEndPoint.Parse(line[prefix.Length..line.IndexOf("/metrics", StringComparison.Ordinal)]);
    }
}
