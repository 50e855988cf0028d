using System.Collections.Immutable;

namespace Ztap.Enforcement;

/// <summary>How a set is enforced.</summary>
/// <param name="WholeHost">Allows a workload whose cgroup is the root, which filters every process on the host.</param>
public sealed record EnforcementOptions(EnforcementMode Mode = EnforcementMode.Enforce, bool WholeHost = false)
{
    /// <summary>
    /// For backends that filter a whole host (nftables, pf): the workloads this host is, by name;
    /// empty means those with an address on the host's interfaces.
    /// </summary>
    public ImmutableArray<string> Workloads { get; init; } = [];

    /// <summary>For nftables: sends denied packets (audit mode: the would-be denials) to the flow log; null logs none.</summary>
    public DeniedPacketLog? LogDenied { get; init; }
}
