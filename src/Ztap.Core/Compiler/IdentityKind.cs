namespace Ztap.Core.Compiler;

/// <summary>What an identity stands for.</summary>
public enum IdentityKind
{
    /// <summary>Reserved: this host itself.</summary>
    Host,

    /// <summary>Reserved: any address that is neither a workload nor inside a policy CIDR.</summary>
    World,

    /// <summary>Addresses inside a policy CIDR (ipBlock cidr or except) that belong to no workload.</summary>
    Cidr,

    /// <summary>Workloads sharing namespace, labels and named ports, inside the same innermost policy CIDR (if any).</summary>
    Workload,
}
