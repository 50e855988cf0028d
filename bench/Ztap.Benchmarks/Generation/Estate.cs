namespace Ztap.Benchmarks.Generation;

/// <summary>
/// The shape of a generated enterprise estate: teams (namespaces) running apps of a few replicas
/// each, one policy per app. Sizes scale with the policy count so that 10,000 policies come with
/// about 100,000 prefixes (workload addresses plus partner CIDRs).
/// </summary>
internal sealed record Estate(int Policies)
{
    public const int AppsPerTeam = 10;
    public const int ReplicasPerApp = 8;
    public const int PoliciesPerFile = 100;

    public int Teams => Math.Max(1, Policies / AppsPerTeam);

    public int TeamOf(int app) => app / AppsPerTeam % Teams;

    public static string Team(int team) => $"team-{team:D5}";

    public static string App(int app) => $"app-{app:D6}";

    /// <summary>The address of a replica: 10.0.0.0/8 holds 16 million, far more than any estate here.</summary>
    public static string Address(int app, int replica)
    {
        var n = (app * ReplicasPerApp) + replica + 256;
        return $"10.{(n >> 16) & 0xff}.{(n >> 8) & 0xff}.{n & 0xff}";
    }

    /// <summary>A partner network the app talks to: a /24 in the benchmarking range 198.18.0.0/15 and beyond.</summary>
    public static string PartnerNetwork(int app) => $"{100 + ((app >> 16) & 0x3f)}.{(app >> 8) & 0xff}.{app & 0xff}.0/24";
}
