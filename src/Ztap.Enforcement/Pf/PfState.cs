using System.Collections.Immutable;

namespace Ztap.Enforcement.Pf;

/// <summary>
/// What the last apply loaded into the anchor, and the reference ztap holds on pf being enabled
/// (<c>pfctl -E</c>'s token), released on removal so pf stays on for anyone else who enabled it.
/// </summary>
internal sealed record PfState(
    string PolicyVersion,
    long Generation,
    DateTimeOffset AppliedAt,
    EnforcementMode Mode,
    string? Token,
    ImmutableArray<AttachedWorkload> Attached,
    ImmutableArray<IdentitySummary> Identities,
    ImmutableArray<string> Policies,
    ImmutableArray<int> RulePolicies);
