using System.Collections.Immutable;

namespace Ztap.Enforcement;

/// <summary>What a backend has in force on this host; <see cref="Installed"/> is false when nothing is.</summary>
public sealed record EnforcementStatus(
    string Backend,
    bool Installed,
    string? PolicyVersion,
    long Generation,
    DateTimeOffset? AppliedAt,
    EnforcementMode Mode,
    ImmutableArray<AttachedWorkload> Attached,
    ImmutableArray<IdentitySummary> Identities,
    ImmutableArray<MapFill> Maps,
    ImmutableArray<PolicyCounters> Policies,
    VerdictTotals Totals);
