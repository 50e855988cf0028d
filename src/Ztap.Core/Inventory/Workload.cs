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
    /// <summary>The workload as people refer to it: <c>namespace/name</c>.</summary>
    public string QualifiedName => $"{Namespace}/{Name}";
}
