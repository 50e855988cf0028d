using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>A port range one side allows to a peer key of the policy map on a protocol, with the rule that allows it.</summary>
internal readonly record struct AllowedRange(uint Peer, byte Protocol, int From, int To, PolicyValue Rule);
