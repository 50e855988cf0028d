using System.Net;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>
/// Adds the five attacks to test days, each from a compromised host that was ordinary in training:
/// port scans, lateral movement over admin protocols, exfiltration to a new external site, beacons to
/// a command-and-control server, and a stolen account used at night on the resources it always uses.
/// </summary>
internal sealed class AttackInjector(Network network, Random random)
{
    private static readonly int[] LateralPorts = [445, 3389, 22, 5985];

    public void Inject(AttackKind kind, DateTimeOffset day, List<LabelledFlow> flows)
    {
        var source = Draw.One(random, network.Workstations);
        var start = day.AddHours(random.Next(9, 17)).AddMinutes(random.Next(60));
        switch (kind)
        {
            case AttackKind.PortScan:
                var target = Draw.One(random, network.Servers);
                var ports = Enumerable.Range(0, random.Next(150, 300)).Select(_ => random.Next(1, 10000)).Distinct();
                foreach (var port in ports)
                {
                    start = start.AddMilliseconds(random.Next(100, 500));
                    Add(flows, kind, start, source, target, port, Draw.Bytes(random, 60, 0.3));
                }

                break;
            case AttackKind.LateralMovement:
                var hosts = network.Servers.Concat(network.Workstations).OrderBy(_ => random.Next()).Take(random.Next(12, 25));
                foreach (var host in hosts)
                {
                    start = start.AddSeconds(random.Next(5, 40));
                    Add(flows, kind, start, source, host, Draw.One(random, LateralPorts), Draw.Bytes(random, 4_000, 1));
                }

                break;
            case AttackKind.Exfiltration:
                var drop = Network.ExternalAddress(random);
                for (var i = random.Next(4, 10); i > 0; i--)
                {
                    start = start.AddMinutes(random.Next(2, 10));
                    Add(flows, kind, start, source, drop, 443, Draw.Bytes(random, 3e8, 0.5), Draw.One(random, Network.Countries));
                }

                break;
            case AttackKind.Beaconing:
                var server = Network.ExternalAddress(random);
                var interval = random.Next(60, 600);
                var beaconPort = random.NextDouble() < 0.5 ? 443 : 8443;
                for (var t = day.AddHours(random.Next(0, 12)); t < day.AddDays(1); t = t.AddSeconds(interval * Draw.Normal(random, 1, 0.1)))
                {
                    Add(flows, kind, t, source, server, beaconPort, Draw.Bytes(random, 500, 0.3), Draw.One(random, Network.Countries));
                }

                break;
            case AttackKind.OffHoursAccess:
                var night = day.AddHours(random.Next(1, 4)).AddMinutes(random.Next(60));
                var fileServer = network.FileServers[Array.IndexOf(network.Workstations, source) % network.FileServers.Length];
                for (var i = random.Next(10, 30); i > 0; i--)
                {
                    night = night.AddSeconds(random.Next(20, 120));
                    Add(flows, kind, night, source, fileServer, 445, Draw.Bytes(random, 200_000, 1));
                }

                break;
        }
    }

    private static void Add(List<LabelledFlow> flows, AttackKind kind, DateTimeOffset at, IPAddress source, IPAddress destination,
        int port, long bytes, string? geo = null) =>
        flows.Add(new LabelledFlow(new ObservedFlow(at, source, destination, port, Protocol.Tcp, bytes, null, geo), kind));
}
