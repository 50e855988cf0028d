using Ztap.Core.Diagnostics;
using Ztap.Core.Policy;

namespace Ztap.Core.Flows;

/// <summary>
/// A flow as a person writes it, before it is resolved against an inventory: each end is a workload
/// reference (<c>namespace/name</c> or <c>name</c>) or an IP address.
/// </summary>
/// <param name="Port">The destination port; null for ICMP, which has none.</param>
/// <param name="Origin">Where the flow was written, so problems with it can point there.</param>
public sealed record FlowRequest(string Source, string Destination, Protocol Protocol, int? Port, SourceLocation Origin)
{
    /// <summary>The protocol and port as <c>TCP/5432</c>, or <c>ICMP</c>.</summary>
    public string ServiceText => Port is null ? ProtocolNames.Format(Protocol) : $"{ProtocolNames.Format(Protocol)}/{Port}";
}
