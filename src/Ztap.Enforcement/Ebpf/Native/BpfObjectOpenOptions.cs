using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Native;

/// <summary>libbpf 1.1's <c>struct bpf_object_open_opts</c> (80 bytes); only the fields ztap sets are named.</summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
internal struct BpfObjectOpenOptions
{
    [FieldOffset(0)]
    public nuint Size;

    [FieldOffset(8)]
    public nint ObjectName;

    /// <summary>Where maps declared with LIBBPF_PIN_BY_NAME are pinned and, when already pinned, reused.</summary>
    [FieldOffset(24)]
    public nint PinRootPath;
}
