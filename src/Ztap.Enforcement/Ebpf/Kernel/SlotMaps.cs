namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>The maps of one slot: everything a policy version installs, suffixed _0 or _1 in bpf/ztap.bpf.c.</summary>
internal sealed record SlotMaps(BpfMap Ipcache, BpfMap Subjects, BpfMap Isolated, BpfMap Blocks, BpfMap Policy, BpfMap Counters);
