using System.Net;
using Ztap.Anomaly;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.Tests;

/// <summary>Builds flows for tests with little ceremony.</summary>
internal static class Flows
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static ObservedFlow Tcp(DateTimeOffset at, string source, string destination, int port, long bytes = 1000) =>
        new(at, IPAddress.Parse(source), IPAddress.Parse(destination), port, Protocol.Tcp, bytes);
}
