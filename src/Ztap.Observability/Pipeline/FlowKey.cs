using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;

namespace Ztap.Observability.Pipeline;

/// <summary>What makes two verdict events "the same flow" for aggregation: the 5-tuple, the hook and the verdict.</summary>
internal readonly record struct FlowKey(
    IPAddress Source,
    int SourcePort,
    IPAddress Destination,
    int DestinationPort,
    Protocol Protocol,
    Direction Direction,
    Verdict Verdict,
    bool Enforced)
{
    public static FlowKey Of(FlowRecord record) => new(
        record.Source,
        record.SourcePort,
        record.Destination,
        record.DestinationPort,
        record.Protocol,
        record.Direction,
        record.Verdict,
        record.Enforced);
}
