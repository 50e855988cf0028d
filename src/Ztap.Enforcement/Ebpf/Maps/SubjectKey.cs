using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_subject_key</c>: identity 0 is the cgroup's primary identity, any
/// other the identity of one of its workload's addresses.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct SubjectKey
{
    public const uint Primary = 0;

    [FieldOffset(0)]
    public ulong Cgroup;

    [FieldOffset(8)]
    public uint Identity;
}
