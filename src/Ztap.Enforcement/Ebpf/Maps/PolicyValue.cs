using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_policy_value</c>: the rule allowing an entry, as its index among its
/// policy's rules of the direction, the number of that policy and its rank.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 12)]
internal record struct PolicyValue : IComparable<PolicyValue>
{
    [FieldOffset(0)]
    public uint Rule;

    [FieldOffset(4)]
    public uint Policy;

    [FieldOffset(8)]
    public uint Rank;

    public static PolicyValue Of(int policy, int rank, int rule) => new() { Rule = (uint)rule, Policy = (uint)policy, Rank = (uint)rank };

    /// <summary>Rules order by their policy's rank, then by their index in it, as the datapath picks the first of several.</summary>
    public readonly int CompareTo(PolicyValue other) =>
        Rank != other.Rank ? Rank.CompareTo(other.Rank) : Rule.CompareTo(other.Rule);
}
