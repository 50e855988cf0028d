using System.Collections.Immutable;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>An attached cgroup, the primary identity of its workload and the identities of all its addresses.</summary>
internal sealed record SubjectEntry(ulong Cgroup, uint Identity, ImmutableArray<uint> Identities);
