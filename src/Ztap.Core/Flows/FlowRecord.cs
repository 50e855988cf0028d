using System.Net;
using Ztap.Core.Engine;
using Ztap.Core.Policy;

namespace Ztap.Core.Flows;

/// <summary>
/// One verdict an enforcer reported for a flow: the unit of the flow log, metrics and anomaly
/// detection. Ports are 0 for protocols without them.
/// </summary>
/// <param name="Direction">The hook that decided: egress of the local workload or ingress to it.</param>
/// <param name="Enforced">False when the verdict was only recorded (audit mode): a denied flow that passed.</param>
/// <param name="Policy">The deciding policy: the one whose rule allowed the flow, or the isolating policy that denied it; null when none isolates either end.</param>
/// <param name="Count">How many verdict events this record stands for: more than 1 when repeats of the same flow and verdict were folded into one, their bytes summed.</param>
/// <param name="SourceGeo">The source's ISO country code when known, as the anomaly detectors read it.</param>
/// <param name="DestinationGeo">The destination's ISO country code when known.</param>
public sealed record FlowRecord(
    DateTimeOffset Time,
    IPAddress Source,
    int SourcePort,
    IPAddress Destination,
    int DestinationPort,
    Protocol Protocol,
    long Bytes,
    Direction Direction,
    Verdict Verdict,
    bool Enforced,
    string? Policy,
    string? SourceWorkload,
    string? DestinationWorkload,
    long Count = 1,
    string? SourceGeo = null,
    string? DestinationGeo = null);
