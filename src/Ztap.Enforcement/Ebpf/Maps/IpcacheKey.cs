using System.Net;
using System.Runtime.InteropServices;
using Ztap.Core.Addressing;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>Mirror of <c>struct ztap_ipcache_key</c>: the family is matched in full, then the address by prefix.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal unsafe struct IpcacheKey : IMapKey<IpcacheKey>
{
    public const int FamilyV4 = 4;
    public const int FamilyV6 = 6;

    [FieldOffset(0)]
    public uint PrefixLength;

    [FieldOffset(4)]
    public uint Family;

    [FieldOffset(8)]
    public fixed byte Address[16];

    public static IpcacheKey From(IPNetwork prefix)
    {
        var key = new IpcacheKey
        {
            PrefixLength = 32 + (uint)prefix.PrefixLength,
            Family = (uint)(AddressKey.IsV4(prefix.BaseAddress) ? FamilyV4 : FamilyV6),
        };
        prefix.BaseAddress.TryWriteBytes(new Span<byte>(key.Address, 16), out _);
        return key;
    }

    public readonly IPNetwork ToNetwork()
    {
        fixed (byte* address = Address)
        {
            var length = Family == FamilyV4 ? 4 : 16;
            return new IPNetwork(new IPAddress(new ReadOnlySpan<byte>(address, length)), (int)PrefixLength - 32);
        }
    }

    /// <summary>By family, address and length: the order of <c>PolicySet.Prefixes</c>.</summary>
    public static int Compare(in IpcacheKey left, in IpcacheKey right)
    {
        var order = left.Family.CompareTo(right.Family);
        if (order != 0)
        {
            return order;
        }

        fixed (byte* l = left.Address, r = right.Address)
        {
            order = new ReadOnlySpan<byte>(l, 16).SequenceCompareTo(new ReadOnlySpan<byte>(r, 16));
        }

        return order != 0 ? order : left.PrefixLength.CompareTo(right.PrefixLength);
    }
}
