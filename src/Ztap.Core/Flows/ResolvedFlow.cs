using Ztap.Core.Engine;

namespace Ztap.Core.Flows;

/// <summary>A flow request with both ends resolved to addresses, ready for the engine.</summary>
public sealed record ResolvedFlow(FlowRequest Request, FlowEndpoint Source, FlowEndpoint Destination)
{
    /// <summary>The flow the engine decides; ICMP carries port 0.</summary>
    public Flow Flow => new(Source.Address, Destination.Address, Request.Protocol, Request.Port ?? 0);
}
