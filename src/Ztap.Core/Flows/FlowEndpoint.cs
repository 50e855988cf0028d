using System.Net;
using Ztap.Core.Inventory;

namespace Ztap.Core.Flows;

/// <summary>One resolved end of a flow: the address used, and the inventory workload it belongs to, if any.</summary>
/// <param name="Reference">The endpoint as it was written (a workload reference or an address).</param>
public sealed record FlowEndpoint(string Reference, IPAddress Address, Workload? Workload)
{
    /// <summary>Whether the address lies outside the inventory, so no policy selects it.</summary>
    public bool IsExternal => Workload is null;

    /// <summary>The endpoint as people read it: <c>prod/web-1 (10.0.1.10)</c>, or just the address.</summary>
    public override string ToString() => Workload is null ? Address.ToString() : $"{Workload.QualifiedName} ({Address})";
}
