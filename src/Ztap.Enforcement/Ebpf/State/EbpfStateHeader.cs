using System.Collections.Immutable;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// The part of the state file an apply needs: which datapath build is loaded and which workloads are
/// attached. Read instead of the whole <see cref="EbpfState"/>, whose identity names only status shows.
/// </summary>
internal sealed record EbpfStateHeader(string ObjectDigest, ImmutableArray<AttachedWorkload> Attached);
