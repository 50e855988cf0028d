namespace Ztap.Core.Policy;

/// <summary>The side of a flow a rule governs, seen from the workload the policy selects.</summary>
public enum Direction
{
    Ingress,
    Egress,
}
