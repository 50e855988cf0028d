namespace Ztap.Enforcement;

/// <summary>How a set is enforced.</summary>
/// <param name="WholeHost">Allows a workload whose cgroup is the root, which filters every process on the host.</param>
public sealed record EnforcementOptions(EnforcementMode Mode = EnforcementMode.Enforce, bool WholeHost = false);
