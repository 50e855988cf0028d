using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_isolation</c>: the first isolating policy of a side, and which kinds of
/// allowed entries it has (<c>ZTAP_SIDE_*</c>), so the datapath looks up only those.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal record struct Isolation
{
    public const uint Peers = 1;
    public const uint AnyPeer = 2;
    public const uint Blocks = 4;

    [FieldOffset(0)]
    public uint Policy;

    [FieldOffset(4)]
    public uint Flags;
}
