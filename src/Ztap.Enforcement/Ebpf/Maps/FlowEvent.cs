using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>Mirror of <c>struct ztap_event</c>, one verdict the datapath reported on its ring buffer.</summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal unsafe struct FlowEvent
{
    [FieldOffset(0)]
    public ulong TimeNs;

    [FieldOffset(8)]
    public ulong Cgroup;

    [FieldOffset(16)]
    public fixed byte Source[16];

    [FieldOffset(32)]
    public fixed byte Destination[16];

    [FieldOffset(48)]
    public ushort SourcePort;

    [FieldOffset(50)]
    public ushort DestinationPort;

    [FieldOffset(52)]
    public byte Family;

    [FieldOffset(53)]
    public byte Protocol;

    [FieldOffset(54)]
    public byte Direction;

    [FieldOffset(55)]
    public byte Verdict;

    [FieldOffset(56)]
    public uint Bytes;

    [FieldOffset(60)]
    public uint Generation;

    [FieldOffset(64)]
    public uint SourceIdentity;

    [FieldOffset(68)]
    public uint DestinationIdentity;

    [FieldOffset(72)]
    public uint Rule;

    [FieldOffset(76)]
    public uint Policy;
}
