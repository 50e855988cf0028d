using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;
using Ztap.Observability.FlowLog;

namespace Ztap.Observability.Tests.FlowLog;

/// <summary>Flow records for tests: one per port, so each is easy to tell apart.</summary>
internal static class Flows
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static FlowRecord Allowed(int port, int second = 0) => new(
        Start.AddSeconds(second),
        IPAddress.Parse("10.0.1.10"),
        40000 + port,
        IPAddress.Parse("10.0.2.20"),
        port,
        Protocol.Tcp,
        60,
        Direction.Egress,
        Verdict.Allow,
        true,
        "prod/web-egress",
        "prod/web-1",
        "prod/db-1");

    public static FlowRecord Denied(int port, int second = 0) => Allowed(port, second) with
    {
        Verdict = Verdict.Deny,
        Policy = "prod/db-ingress",
        Destination = IPAddress.Parse("fd00::20"),
        Source = IPAddress.Parse("fd00::10"),
    };

    /// <summary>A temporary log folder, removed when disposed.</summary>
    public sealed class Folder : IDisposable
    {
        public Folder() => Location = new(Directory.CreateTempSubdirectory("ztap-flowlog-").FullName);

        public FlowLogLocation Location { get; }

        public void Dispose() => Directory.Delete(Location.Directory, recursive: true);
    }
}
