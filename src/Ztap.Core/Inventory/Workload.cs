using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Diagnostics;
using Ztap.Core.Labels;

namespace Ztap.Core.Inventory;

/// <summary>
/// Something policies select and protect: a host, VM, container or instance, with its namespace,
/// labels, addresses and named ports.
/// </summary>
public sealed record Workload(
    string Name,
    string Namespace,
    LabelSet Labels,
    ImmutableArray<IPAddress> Addresses,
    ImmutableArray<NamedPort> NamedPorts,
    SourceLocation Origin)
{
    /// <summary>
    /// The cgroup (v2) the workload's processes run in on this host, relative to the cgroup2 mount;
    /// null for a workload that runs elsewhere. Host enforcers attach to it.
    /// </summary>
    public string? Cgroup { get; init; }

    /// <summary>The workload as people refer to it: <c>namespace/name</c>.</summary>
    public string QualifiedName => $"{Namespace}/{Name}";
}
