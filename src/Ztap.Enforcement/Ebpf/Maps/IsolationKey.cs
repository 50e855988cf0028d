using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>Mirror of <c>struct ztap_isolation_key</c>: an identity isolated in a direction.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct IsolationKey : IMapKey<IsolationKey>, ISideKey
{
    [FieldOffset(0)]
    public uint Identity;

    [FieldOffset(4)]
    public uint Direction;

    public readonly ulong Side => ISideKey.Pack(Identity, (byte)Direction);

    public static int Compare(in IsolationKey left, in IsolationKey right)
    {
        var order = left.Identity.CompareTo(right.Identity);
        return order != 0 ? order : left.Direction.CompareTo(right.Direction);
    }
}
