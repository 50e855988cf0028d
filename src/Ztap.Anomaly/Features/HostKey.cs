using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Ztap.Anomaly.Features;

/// <summary>
/// An address as a 128-bit integer (IPv4 in its IPv4-mapped IPv6 form), so per-host state is keyed
/// by a value that hashes and compares without touching the <see cref="IPAddress"/> object.
/// </summary>
internal readonly record struct HostKey(UInt128 Value)
{
    private static readonly UInt128 V4Mapped = (UInt128)0xFFFF << 32;

    public static HostKey Of(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return address.AddressFamily == AddressFamily.InterNetwork && written == 4
            ? new HostKey(V4Mapped | BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : new HostKey(BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    /// <summary>
    /// Folds the 128 bits with a multiplicative mix. The synthesized hash goes through UInt128's and
    /// HashCode's general combining for every window and profile lookup, several per scored flow.
    /// </summary>
    public override int GetHashCode()
    {
        var folded = (ulong)Value ^ (ulong)(Value >> 64);
        return (int)((folded * 0x9E3779B97F4A7C15UL) >> 32);
    }

    public bool Equals(HostKey other) => Value == other.Value;

    /// <summary>The address back, IPv4 for an IPv4-mapped key.</summary>
    public IPAddress ToAddress()
    {
        if (Value >> 32 == 0xFFFF)
        {
            Span<byte> v4 = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(v4, (uint)Value);
            return new IPAddress(v4);
        }

        Span<byte> v6 = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(v6, Value);
        return new IPAddress(v6);
    }
}
