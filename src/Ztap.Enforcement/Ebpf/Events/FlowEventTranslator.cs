using System.Collections.Immutable;
using System.Net;
using Ztap.Core.Compiler;
using Ztap.Core.Engine;
using Ztap.Core.Flows;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Events;

/// <summary>
/// Turns the datapath's numeric events into <see cref="FlowRecord"/>s: boot-clock times into wall
/// time, policy numbers into names, addresses into workloads, all against the applied set.
/// </summary>
/// <param name="named">
/// The policy names by number of the versions this process applied last, by generation. An event
/// still queued when a version was installed was decided by the one before, whose numbers may name
/// other policies (an edit passes a removed policy's number on); it is named by its own version,
/// or not at all when that is none of these. Empty when nothing is known of generations: the set
/// names every event.
/// </param>
internal sealed unsafe class FlowEventTranslator(PolicySet set, IReadOnlyList<(uint Generation, ImmutableArray<string> Policies)> named)
{
    private readonly Dictionary<ulong, string> _workloadOfCgroup = [];

    /// <summary>Names the workload of an attached cgroup, for events whose source address the kernel had not chosen yet (connect).</summary>
    public void Attach(AttachedWorkload workload) => _workloadOfCgroup[workload.CgroupId] = workload.Workload;

    public FlowRecord Translate(in FlowEvent e)
    {
        var source = Address(e, source: true);
        var destination = Address(e, source: false);
        var sourceWorkload = set.Inventory.FindByAddress(source)?.QualifiedName;
        if (sourceWorkload is null && e.Direction == (byte)Direction.Egress)
        {
            sourceWorkload = _workloadOfCgroup.GetValueOrDefault(e.Cgroup);
        }

        return new FlowRecord(
            WallTime(e.TimeNs),
            source,
            e.SourcePort,
            destination,
            e.DestinationPort,
            (Protocol)e.Protocol,
            e.Bytes,
            (Direction)e.Direction,
            e.Verdict == DatapathLimits.VerdictAllow ? Verdict.Allow : Verdict.Deny,
            e.Verdict != DatapathLimits.VerdictAudit,
            PolicyName(e),
            sourceWorkload,
            set.Inventory.FindByAddress(destination)?.QualifiedName);
    }

    private string? PolicyName(in FlowEvent e)
    {
        if (named.Count == 0)
        {
            return e.Policy < set.PolicyNumberBound ? set.PolicyByNumber((int)e.Policy)?.QualifiedName : null;
        }

        foreach (var (generation, policies) in named)
        {
            if (generation == e.Generation)
            {
                return e.Policy < policies.Length && policies[(int)e.Policy].Length > 0 ? policies[(int)e.Policy] : null;
            }
        }

        return null;
    }

    private static IPAddress Address(FlowEvent e, bool source)
    {
        var length = e.Family == IpcacheKey.FamilyV4 ? 4 : 16;
        return new IPAddress(new ReadOnlySpan<byte>(source ? e.Source : e.Destination, length));
    }

    private static DateTimeOffset WallTime(ulong bootNs)
    {
        var now = DateTimeOffset.UtcNow;
        long* timespec = stackalloc long[2];
        LibC.ClockGetTime(LibC.ClockBootTime, timespec);
        var bootNow = (timespec[0] * 1_000_000_000L) + timespec[1];
        return now.AddTicks(-((bootNow - (long)bootNs) / 100));
    }
}
