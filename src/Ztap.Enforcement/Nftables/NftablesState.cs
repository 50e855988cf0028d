using System.Collections.Immutable;

namespace Ztap.Enforcement.Nftables;

/// <summary>
/// What the last successful apply loaded, kept in the state folder for <c>ztap status</c>: the
/// table's counters are named by rule and policy index, which <c>RulePolicies</c> and
/// <c>Policies</c> turn back into names. <c>LogDenied</c> says where denied packets are logged, for
/// the reader that turns them into flow records.
/// </summary>
internal sealed record NftablesState(
    string PolicyVersion,
    long Generation,
    DateTimeOffset AppliedAt,
    EnforcementMode Mode,
    ImmutableArray<AttachedWorkload> Attached,
    ImmutableArray<IdentitySummary> Identities,
    ImmutableArray<string> Policies,
    ImmutableArray<int> RulePolicies,
    ImmutableArray<MapFill> Maps,
    DeniedPacketLog? LogDenied = null);
