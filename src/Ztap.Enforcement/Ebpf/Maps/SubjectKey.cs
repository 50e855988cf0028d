using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_subject_key</c>: identity 0 is the cgroup's primary identity, any
/// other the identity of one of its workload's addresses.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct SubjectKey : IMapKey<SubjectKey>
{
    public const uint Primary = 0;

    [FieldOffset(0)]
    public ulong Cgroup;

    [FieldOffset(8)]
    public uint Identity;

    public static int Compare(in SubjectKey left, in SubjectKey right)
    {
        var order = left.Cgroup.CompareTo(right.Cgroup);
        return order != 0 ? order : left.Identity.CompareTo(right.Identity);
    }
}
