using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>Mirror of <c>struct ztap_counter</c>: decisions attributed to a rule, a policy or a verdict, and their bytes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct Counter
{
    [FieldOffset(0)]
    public ulong Decisions;

    [FieldOffset(8)]
    public ulong Bytes;
}
