using System.Net;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>
/// A day of ordinary traffic: people on workstations during their working hours (now and then late),
/// the server tiers around the clock following the day's load, and the look-alikes that must not
/// raise alerts: monitoring polls like a beacon, nightly backups move gigabytes, the vulnerability
/// scanner scans every server on Saturday night, and the admin host fans out over SSH every weekday.
/// </summary>
internal sealed class BenignTraffic(Network network, Random random)
{
    private readonly (double Start, double End)[] _hours = [.. network.Workstations.Select(_ =>
        (Draw.Normal(random, 8.5, 0.7), Draw.Normal(random, 17.5, 0.8)))];

    private readonly IPAddress[][] _apps = [.. network.Workstations.Select(_ =>
        Enumerable.Range(0, 3).Select(_ => Draw.One(random, network.Web)).ToArray())];

    private readonly int[] _scanPorts = [.. Enumerable.Range(0, 150).Select(i => i < 20 ? WellKnown[i] : random.Next(1, 10000))];

    private static readonly int[] WellKnown = [21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445, 993, 1433, 3306, 3389, 5432, 5900, 6379, 8080];

    public void Day(DateTimeOffset day, List<LabelledFlow> flows)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        for (var w = 0; w < network.Workstations.Length; w++)
        {
            Workstation(day, w, weekend, flows);
        }

        Servers(day, weekend, flows);
        Monitoring(day, flows);
        Backups(day, flows);
        if (day.DayOfWeek == DayOfWeek.Saturday)
        {
            Scan(day, flows);
        }

        if (!weekend)
        {
            AdminFanOut(day, flows);
        }
    }

    private void Workstation(DateTimeOffset day, int w, bool weekend, List<LabelledFlow> flows)
    {
        var (start, end) = _hours[w];
        if (weekend && random.NextDouble() > 0.1)
        {
            return;
        }

        if (weekend)
        {
            (start, end) = (start + 2, start + 4);
        }
        else if (random.NextDouble() < 0.04)
        {
            end += random.Next(2, 5);
        }

        var source = network.Workstations[w];
        for (var t = day.AddHours(start); t < day.AddHours(end); t += Draw.Gap(random, 12))
        {
            var pick = random.NextDouble();
            if (pick < 0.45)
            {
                var site = network.PickExternal(random);
                var bytes = random.NextDouble() < 0.005 ? Draw.Bytes(random, 2e8, 0.8) : Draw.Bytes(random, 20_000, 1.5);
                Add(flows, t, source, network.External[site], random.NextDouble() < 0.9 ? 443 : 80, Protocol.Tcp, bytes, network.ExternalGeo[site]);
            }
            else if (pick < 0.65)
            {
                var app = random.NextDouble() < 0.03 ? Draw.One(random, network.Web) : Draw.One(random, _apps[w]);
                Add(flows, t, source, app, 443, Protocol.Tcp, Draw.Bytes(random, 5_000, 1));
            }
            else if (pick < 0.8)
            {
                Add(flows, t, source, Network.Dns, 53, Protocol.Udp, Draw.Bytes(random, 90, 0.2));
            }
            else if (pick < 0.9)
            {
                Add(flows, t, source, network.FileServers[w % network.FileServers.Length], 445, Protocol.Tcp, Draw.Bytes(random, 50_000, 2));
            }
            else
            {
                Add(flows, t, source, Network.Mail, 993, Protocol.Tcp, Draw.Bytes(random, 10_000, 1));
            }
        }
    }

    private void Servers(DateTimeOffset day, bool weekend, List<LabelledFlow> flows)
    {
        for (var hour = 0; hour < 24; hour++)
        {
            // Load follows the working day: a floor at night, a peak in office hours.
            var load = 0.2 + (weekend ? 0.1 : hour is >= 8 and < 18 ? 1.0 : 0.3);
            foreach (var (tier, i) in network.Web.Select((a, i) => (a, i)))
            {
                Burst(day.AddHours(hour), 15 * load, tier, network.App[i % network.App.Length], 8080, 2_000, flows);
            }

            foreach (var (tier, i) in network.App.Select((a, i) => (a, i)))
            {
                Burst(day.AddHours(hour), 25 * load, tier, network.Databases[i % network.Databases.Length], 5432, 3_000, flows);
                Burst(day.AddHours(hour), 10 * load, tier, Network.Cache, 6379, 300, flows);
            }
        }
    }

    private void Burst(DateTimeOffset hour, double perHour, IPAddress source, IPAddress destination, int port, double bytes, List<LabelledFlow> flows)
    {
        for (var t = hour + Draw.Gap(random, perHour); t < hour.AddHours(1); t += Draw.Gap(random, perHour))
        {
            Add(flows, t, source, destination, port, Protocol.Tcp, Draw.Bytes(random, bytes, 0.8));
        }
    }

    private void Monitoring(DateTimeOffset day, List<LabelledFlow> flows)
    {
        foreach (var (server, i) in network.Servers.Select((s, i) => (s, i)))
        {
            for (var t = day.AddSeconds(i * 7); t < day.AddDays(1); t = t.AddSeconds(300 + random.Next(-2, 3)))
            {
                Add(flows, t, Network.Monitoring, server, 9100, Protocol.Tcp, Draw.Bytes(random, 800, 0.1));
            }
        }
    }

    private void Backups(DateTimeOffset day, List<LabelledFlow> flows)
    {
        foreach (var server in network.Databases.Concat(network.FileServers))
        {
            var at = day.AddHours(1).AddMinutes(random.Next(0, 90));
            Add(flows, at, server, Network.Backup, 873, Protocol.Tcp, Draw.Bytes(random, 8e9, 0.5));
        }
    }

    private void Scan(DateTimeOffset day, List<LabelledFlow> flows)
    {
        var t = day.AddHours(2);
        foreach (var server in network.Servers)
        {
            foreach (var port in _scanPorts)
            {
                t = t.AddMilliseconds(random.Next(100, 400));
                Add(flows, t, Network.Scanner, server, port, Protocol.Tcp, Draw.Bytes(random, 60, 0.3));
            }
        }
    }

    private void AdminFanOut(DateTimeOffset day, List<LabelledFlow> flows)
    {
        var t = day.AddHours(random.Next(9, 17)).AddMinutes(random.Next(60));
        foreach (var server in network.Servers.Where(_ => random.NextDouble() < 0.8))
        {
            t = t.AddSeconds(random.Next(1, 4));
            Add(flows, t, Network.Admin, server, 22, Protocol.Tcp, Draw.Bytes(random, 5_000, 1));
        }
    }

    private static void Add(List<LabelledFlow> flows, DateTimeOffset at, IPAddress source, IPAddress destination, int port,
        Protocol protocol, long bytes, string? geo = null) =>
        flows.Add(new LabelledFlow(new ObservedFlow(at, source, destination, port, protocol, bytes, null, geo), AttackKind.None));
}
