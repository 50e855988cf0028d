using System.Net;
using System.Runtime.InteropServices;
using Ztap.Core.Addressing;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_block_key</c>: one ipBlock prefix of a subject's side. Subject,
/// direction and family (64 bits, pad included) are matched in full, then the address by prefix.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 28)]
internal unsafe struct BlockKey : IMapKey<BlockKey>, ISideKey
{
    public const int FixedBits = 64;

    [FieldOffset(0)]
    public uint PrefixLength;

    [FieldOffset(4)]
    public uint Subject;

    [FieldOffset(8)]
    public byte Direction;

    [FieldOffset(9)]
    public byte Family;

    [FieldOffset(12)]
    public fixed byte Address[16];

    public static BlockKey Create(uint subject, byte direction, IPNetwork prefix)
    {
        var key = new BlockKey
        {
            PrefixLength = (uint)(FixedBits + prefix.PrefixLength),
            Subject = subject,
            Direction = direction,
            Family = (byte)(AddressKey.IsV4(prefix.BaseAddress) ? IpcacheKey.FamilyV4 : IpcacheKey.FamilyV6),
        };
        prefix.BaseAddress.TryWriteBytes(new Span<byte>(key.Address, 16), out _);
        return key;
    }

    public readonly IPNetwork ToNetwork()
    {
        fixed (byte* address = Address)
        {
            var length = Family == IpcacheKey.FamilyV4 ? 4 : 16;
            return new IPNetwork(new IPAddress(new ReadOnlySpan<byte>(address, length)), (int)PrefixLength - FixedBits);
        }
    }

    public readonly ulong Side => ISideKey.Pack(Subject, (byte)Direction);

    /// <summary>By subject, direction, family, address, then length.</summary>
    public static int Compare(in BlockKey left, in BlockKey right)
    {
        var order = left.Subject.CompareTo(right.Subject);
        order = order != 0 ? order : left.Direction.CompareTo(right.Direction);
        order = order != 0 ? order : left.Family.CompareTo(right.Family);
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
