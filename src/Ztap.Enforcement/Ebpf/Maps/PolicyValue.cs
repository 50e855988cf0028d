using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>Mirror of <c>struct ztap_policy_value</c>: the rule allowing an entry and that rule's policy, both as indexes of the set.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal record struct PolicyValue
{
    [FieldOffset(0)]
    public uint Rule;

    [FieldOffset(4)]
    public uint Policy;
}
