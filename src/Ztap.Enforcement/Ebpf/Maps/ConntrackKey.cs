using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>Mirror of <c>struct ztap_ct_key</c>; ztap only walks these keys, to report how full conntrack is.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal unsafe struct ConntrackKey
{
    [FieldOffset(0)]
    public fixed byte Local[16];

    [FieldOffset(16)]
    public fixed byte Remote[16];

    [FieldOffset(32)]
    public ushort LocalPort;

    [FieldOffset(34)]
    public ushort RemotePort;

    [FieldOffset(36)]
    public byte Family;

    [FieldOffset(37)]
    public byte Protocol;

    [FieldOffset(40)]
    public ulong Cgroup;
}
