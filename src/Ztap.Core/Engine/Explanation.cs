using Ztap.Core.Inventory;

namespace Ztap.Core.Engine;

/// <summary>
/// A decided flow with the reasons: the workloads on each side, and the egress and ingress
/// decisions whose conjunction is the verdict.
/// </summary>
public sealed record Explanation(
    Flow Flow,
    Verdict Verdict,
    Workload? SourceWorkload,
    Workload? DestinationWorkload,
    SideDecision Egress,
    SideDecision Ingress)
{
    /// <summary>Whether the flow never leaves its workload, which policies cannot block (as in Kubernetes).</summary>
    public bool IsSelfTraffic => Flow.Source.Equals(Flow.Destination);
}
