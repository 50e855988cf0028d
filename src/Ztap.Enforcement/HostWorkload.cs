using System.Collections.Immutable;
using System.Net;

namespace Ztap.Enforcement;

/// <summary>
/// A workload that is this whole host (or network namespace), for backends that filter a host's
/// traffic by address: its addresses and the identity each one carries.
/// </summary>
public sealed record HostWorkload(string Workload, ImmutableArray<IPAddress> Addresses, ImmutableArray<uint> Identities)
{
    /// <summary>The workload as enforce and status list it; the addresses stand where a cgroup would.</summary>
    public AttachedWorkload Attached => new(Workload, string.Join(" ", Addresses), 0, Identities[0]);
}
