using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.SecurityGroups;
using Ztap.Cloud.Sync;
using Ztap.Core.Compiler;
using Ztap.Core.Inventory;
using Ztap.Core.Labels;
using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Cloud.Benchmarks;

/// <summary>
/// A generated estate: instances in two VPCs across ten namespaces, ten instances per app, and
/// policies in the shape teams write them: an app admitting its callers on a port, an app allowed
/// out to the next app and to an external range with a hole in it.
/// </summary>
internal sealed class CloudWorld
{
    private const int Namespaces = 10;
    private const int InstancesPerApp = 10;

    public CloudWorld(int instanceCount, int policyCount)
    {
        var apps = instanceCount / InstancesPerApp;
        Instances = [.. Enumerable.Range(0, instanceCount).Select(i => Instance(i, i / InstancesPerApp))];
        var inventory = new WorkloadInventory([], Instances.Select(i => Ec2InventorySource.ToWorkload(i, "aws:bench")));
        var yaml = new StringBuilder();
        for (var p = 0; p < policyCount; p++)
        {
            yaml.Append(p % 2 == 0 ? Ingress(p, p % apps, (p + 1) % apps) : Egress(p, p % apps, (p + 7) % apps)).Append("---\n");
        }

        var loaded = PolicyLoader.Parse(yaml.ToString(), "bench.yaml", InputLimits.Default);
        if (loaded.HasErrors)
        {
            throw new InvalidOperationException(string.Join('\n', loaded.Diagnostics));
        }

        Policies = loaded.Policies;
        Set = PolicyCompiler.Compile(Policies, inventory);
    }

    public ImmutableArray<Ec2Instance> Instances { get; private set; }

    public ImmutableArray<NetworkPolicy> Policies { get; }

    public PolicySet Set { get; }

    /// <summary>What EC2 would hold once the desired state is applied, for planning a sync that has nothing to do.</summary>
    public (ImmutableArray<ManagedGroup> Groups, ImmutableArray<Ec2Instance> Instances) Applied(DesiredState desired)
    {
        var groups = desired.Groups.Select((g, i) => new ManagedGroup($"sg-{i:x8}", g.Name, g.Key.VpcId, g.Key.Policy, g.Rules)).ToImmutableArray();
        var idOf = groups.ToDictionary(g => (g.VpcId, g.Name), g => g.GroupId);
        var instances = Instances.Select(i => i with
        {
            Interfaces = [.. i.Interfaces.Select(n => n with { GroupIds = [.. n.GroupIds, .. desired.GroupsOfInstance[i.InstanceId].Select(name => idOf[(i.VpcId, name)])] })],
        }).ToImmutableArray();
        return (groups, instances);
    }

    private static Ec2Instance Instance(int index, int app)
    {
        var address = new IPAddress([10, (byte)(index >> 16), (byte)(index >> 8), (byte)index]);
        var labels = LabelSet.From([new("app", $"app-{app}"), new("tier", (app % 3) switch { 0 => "web", 1 => "api", _ => "db" })]);
        var id = string.Create(CultureInfo.InvariantCulture, $"i-{index:x17}");
        return new Ec2Instance(id, $"vpc-{index % 2}", "running", $"team-{app % Namespaces}", labels, [address], [],
            [new InstanceInterface($"eni-{index:x17}", ["sg-base"])], false);
    }

    private static string Ingress(int policy, int app, int caller) => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {Metadata(policy, app)}
        spec:
          podSelector: {Select(app)}
          ingress:
            - from: [ {PeerSelector(app, caller)} ]
              ports: [ {Port(8000 + policy)} ]

        """;

    private static string Egress(int policy, int app, int next) => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {Metadata(policy, app)}
        spec:
          podSelector: {Select(app)}
          policyTypes: [ Egress ]
          egress:
            - to: [ {PeerSelector(app, next)} ]
              ports: [ {Port(9000 + policy)} ]
            - to: [ {Block()} ]
              ports: [ {Port(443)} ]

        """;

    private static string Metadata(int policy, int app) => "{ name: policy-" + policy + ", namespace: team-" + (app % Namespaces) + " }";

    private static string Select(int app) => "{ matchLabels: { app: app-" + app + " } }";

    private static string PeerSelector(int app, int peer) => peer % Namespaces == app % Namespaces
        ? "{ podSelector: " + Select(peer) + " }"
        : "{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: team-" + (peer % Namespaces) + " } }, podSelector: " + Select(peer) + " }";

    private static string Port(int port) => "{ protocol: TCP, port: " + port + " }";

    private static string Block() => "{ ipBlock: { cidr: 198.51.100.0/24, except: [ 198.51.100.128/25 ] } }";
}
