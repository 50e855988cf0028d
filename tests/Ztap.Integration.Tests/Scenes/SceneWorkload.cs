using System.Net;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>
/// A workload of a test estate: where it lives in the scene, its addresses, and whether the
/// inventory knows it and ztap attaches to its cgroup. Every workload runs in a cgroup of its own.
/// </summary>
internal sealed record SceneWorkload(string Name, string App, string Side, IPAddress V4, IPAddress V6, bool InInventory = true)
{
    public IEnumerable<IPAddress> Addresses => [V4, V6];

    public override string ToString() => Name;
}
