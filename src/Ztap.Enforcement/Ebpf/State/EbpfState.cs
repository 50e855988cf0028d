using System.Collections.Immutable;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// What the last successful apply installed, kept in the state folder for <c>ztap status</c> and
/// for turning the datapath's rule and policy numbers back into names: each rule's index maps to
/// its policy through <c>RulePolicies</c>.
/// </summary>
internal sealed record EbpfState(
    string PolicyVersion,
    uint Generation,
    DateTimeOffset AppliedAt,
    EnforcementMode Mode,
    string PinRoot,
    string ObjectDigest,
    ImmutableArray<AttachedWorkload> Attached,
    ImmutableArray<IdentitySummary> Identities,
    ImmutableArray<string> Policies,
    ImmutableArray<int> RulePolicies,
    ImmutableArray<MapFill> Maps);
