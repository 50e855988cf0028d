namespace Ztap.Enforcement;

/// <summary>A local workload enforcement is attached to: its cgroup and the identity its traffic carries.</summary>
public sealed record AttachedWorkload(string Workload, string Cgroup, ulong CgroupId, uint Identity);
