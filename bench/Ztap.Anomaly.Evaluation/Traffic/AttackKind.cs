namespace Ztap.Anomaly.Evaluation.Traffic;

/// <summary>What a synthetic flow is: ordinary traffic (look-alikes included) or part of one of the five attacks.</summary>
internal enum AttackKind
{
    None,
    PortScan,
    LateralMovement,
    Exfiltration,
    Beaconing,
    OffHoursAccess,
}
