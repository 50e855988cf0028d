using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Diagnostics;
using Ztap.Core.Engine;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>
/// The workloads the kernel tests run: web and batch in namespace a, api and db in namespace b,
/// plus two processes the inventory does not know (outsider, and excepted, whose addresses lie in
/// the except block of the policies' CIDR). Every workload serves TCP, UDP and SCTP echo on <see cref="Ports"/>.
/// </summary>
internal sealed class Estate
{
    public static readonly SceneWorkload Web = new("web", "web", "a", IPAddress.Parse("10.77.0.1"), IPAddress.Parse("fd77::1"));
    public static readonly SceneWorkload Batch = new("batch", "batch", "a", IPAddress.Parse("10.77.0.3"), IPAddress.Parse("fd77::3"));
    public static readonly SceneWorkload Api = new("api", "api", "b", IPAddress.Parse("10.77.0.2"), IPAddress.Parse("fd77::2"));
    public static readonly SceneWorkload Db = new("db", "db", "b", IPAddress.Parse("10.77.0.4"), IPAddress.Parse("fd77::4"));
    public static readonly SceneWorkload Outsider = new("outsider", "", "b", IPAddress.Parse("10.77.0.50"), IPAddress.Parse("fd77::50"), InInventory: false);
    public static readonly SceneWorkload Excepted = new("excepted", "", "b", IPAddress.Parse("10.77.0.100"), IPAddress.Parse("fd77::100"), InInventory: false);

    public static readonly int[] Ports = [80, 443, 5432, 6379, 7999, 8000, 8001, 8002, 8003, 8080, 9000];

    public static readonly ImmutableArray<SceneWorkload> All = [Web, Batch, Api, Db, Outsider, Excepted];

    private readonly Dictionary<SceneWorkload, string> _cgroups = [];

    private Estate(Scene scene) => Scene = scene;

    public Scene Scene { get; }

    /// <summary>Gives every workload its addresses and cgroup in the scene and starts its servers.</summary>
    public static Estate Build(Scene scene)
    {
        var estate = new Estate(scene);
        foreach (var workload in All)
        {
            scene.AddAddress(workload.Side, workload.V4);
            scene.AddAddress(workload.Side, workload.V6);
            estate._cgroups[workload] = scene.CreateCgroup(workload.Name);
        }

        foreach (var workload in All)
        {
            scene.Serve(estate._cgroups[workload], workload.Side, workload.V4, Ports);
            scene.Serve(estate._cgroups[workload], workload.Side, workload.V6, Ports);
        }

        return estate;
    }

    public string CgroupOf(SceneWorkload workload) => _cgroups[workload];

    /// <summary>Writes the policies and the inventory to files for ztap's commands; the scene deletes them.</summary>
    public (string Policies, string Inventory) WriteFiles(string policies)
    {
        var policiesPath = Path.GetFullPath(Path.Join(Scene.Location.StateDirectory, "..", $"{Scene.Id}-policies.yaml"));
        var inventoryPath = Path.GetFullPath(Path.Join(Scene.Location.StateDirectory, "..", $"{Scene.Id}-inventory.yaml"));
        File.WriteAllText(policiesPath, policies);
        File.WriteAllText(inventoryPath, InventoryYaml());
        Scene.OnDispose(() =>
        {
            File.Delete(policiesPath);
            File.Delete(inventoryPath);
        });
        return (policiesPath, inventoryPath);
    }

    /// <summary>The inventory: known workloads in namespace prod with their cgroups, so ztap attaches to them.</summary>
    public WorkloadInventory Inventory() => new(
        [WorkloadNamespace.Create("prod", LabelSet.Empty)],
        All.Where(w => w.InInventory).Select(w => new Workload(
            w.Name,
            "prod",
            LabelSet.From([KeyValuePair.Create("app", w.App)]),
            [.. w.Addresses],
            [],
            new SourceLocation("inventory.yaml", 1, 1))
        {
            Cgroup = _cgroups[w],
        }));

    /// <summary>The same inventory as the file <c>ztap enforce -i</c> reads.</summary>
    public string InventoryYaml() => "workloads:\n" + string.Concat(All.Where(w => w.InInventory).Select(w =>
        $"  - {{name: {w.Name}, namespace: prod, labels: {{app: {w.App}}}, ips: [{w.V4}, \"{w.V6}\"], cgroup: {_cgroups[w]}}}\n"));

    public PolicySet Compile(string policiesYaml)
    {
        var loaded = PolicyLoader.Parse(policiesYaml, "policies.yaml", InputLimits.Default);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return PolicyCompiler.Compile(loaded.Policies, Inventory());
    }

    /// <summary>Sends one flow from a workload's cgroup and reports what the kernel did with it.</summary>
    public string Attempt(SceneWorkload from, Flow flow, int timeoutMs = 1000)
    {
        var timeout = timeoutMs.ToString(CultureInfo.InvariantCulture);
        var port = flow.Port.ToString(CultureInfo.InvariantCulture);
        string[] arguments = flow.Protocol switch
        {
            Protocol.Tcp => ["tcp", flow.Source.ToString(), flow.Destination.ToString(), port, timeout],
            Protocol.Udp => ["udp", flow.Source.ToString(), flow.Destination.ToString(), port, timeout],
            Protocol.Sctp => ["sctp", flow.Source.ToString(), flow.Destination.ToString(), port, timeout],
            Protocol.Icmp => ["ping", flow.Source.ToString(), flow.Destination.ToString(), timeout],
            _ => throw new ArgumentException($"the probe cannot send {flow.Protocol}", nameof(flow)),
        };
        return Scene.Attempt(_cgroups[from], from.Side, arguments);
    }
}
