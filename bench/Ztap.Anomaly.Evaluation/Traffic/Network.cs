using System.Net;

namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>
/// The synthetic enterprise: workstations, web, app and database tiers, file servers, and the
/// infrastructure hosts whose habits look like attacks (monitoring, backup, vulnerability scanner,
/// admin jump host). External sites come from a fixed pool with a skewed popularity.
/// </summary>
internal sealed class Network
{
    public const int WorkstationCount = 150;

    public Network(Random random)
    {
        Workstations = Range("10.0.10.", 1, WorkstationCount);
        Web = Range("10.0.2.", 1, 20);
        App = Range("10.0.3.", 1, 10);
        Databases = Range("10.0.4.", 1, 4);
        FileServers = Range("10.0.6.", 1, 3);
        External = [.. Enumerable.Range(0, 3000).Select(_ => ExternalAddress(random))];
        ExternalGeo = [.. External.Select(_ => Countries[random.Next(Countries.Length)])];
    }

    public static readonly string[] Countries = ["US", "US", "US", "US", "DE", "GB", "FR", "NL", "IE", "JP", "CA", "SE"];

    public static readonly IPAddress Dns = IPAddress.Parse("10.0.0.53");
    public static readonly IPAddress Mail = IPAddress.Parse("10.0.0.25");
    public static readonly IPAddress Cache = IPAddress.Parse("10.0.4.10");
    public static readonly IPAddress Monitoring = IPAddress.Parse("10.0.5.10");
    public static readonly IPAddress Backup = IPAddress.Parse("10.0.5.20");
    public static readonly IPAddress Scanner = IPAddress.Parse("10.0.5.30");
    public static readonly IPAddress Admin = IPAddress.Parse("10.0.5.40");

    public IPAddress[] Workstations { get; }

    public IPAddress[] Web { get; }

    public IPAddress[] App { get; }

    public IPAddress[] Databases { get; }

    public IPAddress[] FileServers { get; }

    public IPAddress[] External { get; }

    public string[] ExternalGeo { get; }

    /// <summary>Every server: what monitoring polls, the scanner scans and admins log in to.</summary>
    public IPAddress[] Servers => [.. Web, .. App, .. Databases, .. FileServers];

    /// <summary>An external site, popular ones far more often (Zipf-like).</summary>
    public int PickExternal(Random random) => (int)Math.Min(External.Length - 1, Math.Floor(Math.Pow(External.Length, random.NextDouble())) - 1);

    /// <summary>A public address; the first octets avoid every private and shared range.</summary>
    public static IPAddress ExternalAddress(Random random) =>
        new([PublicOctets[random.Next(PublicOctets.Length)], (byte)random.Next(0, 256), (byte)random.Next(0, 256), (byte)random.Next(1, 255)]);

    private static readonly byte[] PublicOctets = [23, 34, 45, 52, 64, 89, 104, 142, 151, 185, 198, 203];

    private static IPAddress[] Range(string prefix, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => IPAddress.Parse(prefix + i))];
}
