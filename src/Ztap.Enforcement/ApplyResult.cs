using System.Collections.Immutable;

namespace Ztap.Enforcement;

/// <summary>What an apply installed: the set's version, the backend's generation counter and the workloads it now guards.</summary>
public sealed record ApplyResult(
    string Backend,
    string PolicyVersion,
    long Generation,
    EnforcementMode Mode,
    ImmutableArray<AttachedWorkload> Attached,
    ImmutableArray<AttachedWorkload> Detached);
