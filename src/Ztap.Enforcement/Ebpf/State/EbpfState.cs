using System.Collections.Immutable;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// What the last successful apply installed, kept in the state folder for <c>ztap status</c> and
/// the next apply. The names that turn the datapath's numbers back into identities and policies
/// are in their own file (<see cref="EbpfNames"/>), written only when they change; this state says
/// which version of them it goes with.
/// </summary>
internal sealed record EbpfState(
    string PolicyVersion,
    uint Generation,
    DateTimeOffset AppliedAt,
    EnforcementMode Mode,
    string PinRoot,
    string ObjectDigest,
    ImmutableArray<AttachedWorkload> Attached,
    ImmutableArray<MapFill> Maps,
    string NamesVersion);
