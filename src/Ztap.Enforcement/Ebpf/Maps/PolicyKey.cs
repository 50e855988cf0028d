using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Datapath;

namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// Mirror of <c>struct ztap_policy_key</c>. Subject, peer, direction and protocol (80 bits) are
/// matched in full; the port, stored big-endian, by its leading <c>PrefixLength - 80</c> bits.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct PolicyKey : IMapKey<PolicyKey>, ISideKey
{
    public const int FixedBits = 80;

    [FieldOffset(0)]
    public uint PrefixLength;

    [FieldOffset(4)]
    public uint Subject;

    [FieldOffset(8)]
    public uint Peer;

    [FieldOffset(12)]
    public byte Direction;

    [FieldOffset(13)]
    public byte Protocol;

    [FieldOffset(14)]
    public ushort PortBigEndian;

    public static PolicyKey Create(uint subject, byte direction, uint peer, byte protocol, PortBlock block) => new()
    {
        PrefixLength = (uint)(FixedBits + block.PrefixLength),
        Subject = subject,
        Peer = peer,
        Direction = direction,
        Protocol = protocol,
        PortBigEndian = BinaryPrimitives.ReverseEndianness(block.First),
    };

    public readonly ushort Port => BinaryPrimitives.ReverseEndianness(PortBigEndian);

    public readonly ulong Side => ISideKey.Pack(Subject, (byte)Direction);

    /// <summary>By subject, direction, peer, protocol, then port block.</summary>
    public static int Compare(in PolicyKey left, in PolicyKey right)
    {
        var order = left.Subject.CompareTo(right.Subject);
        order = order != 0 ? order : left.Direction.CompareTo(right.Direction);
        order = order != 0 ? order : left.Peer.CompareTo(right.Peer);
        order = order != 0 ? order : left.Protocol.CompareTo(right.Protocol);
        order = order != 0 ? order : left.Port.CompareTo(right.Port);
        return order != 0 ? order : left.PrefixLength.CompareTo(right.PrefixLength);
    }
}
