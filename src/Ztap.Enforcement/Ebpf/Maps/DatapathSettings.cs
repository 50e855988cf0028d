using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>Mirror of <c>struct ztap_settings</c>: what a slot's policy version does besides its maps.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct DatapathSettings
{
    [FieldOffset(0)]
    public uint Mode;

    [FieldOffset(4)]
    public uint Generation;
}
