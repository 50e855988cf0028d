using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_policy_value</c>: the rule allowing an entry, as its index among its
/// policy's rules of the direction, and the position of that policy in the set.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal record struct PolicyValue : IComparable<PolicyValue>
{
    [FieldOffset(0)]
    public uint Rule;

    [FieldOffset(4)]
    public uint Policy;

    public static PolicyValue Of(int policy, int rule) => new() { Rule = (uint)rule, Policy = (uint)policy };

    /// <summary>Rules order by policy, then by their index in it, as the datapath picks the first of several.</summary>
    public readonly int CompareTo(PolicyValue other) =>
        Policy != other.Policy ? Policy.CompareTo(other.Policy) : Rule.CompareTo(other.Rule);
}
