using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Ztap.Core.Addressing;

/// <summary>
/// Addresses as integers in network order (IPv4 as <see cref="uint"/>, IPv6 as <see cref="UInt128"/>), so
/// prefixes become integer ranges and lookups become comparisons.
/// </summary>
public static class AddressKey
{
    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static UInt128 ToUInt128(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static IPAddress FromUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    public static bool IsV4(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>The first and last address of a prefix, IPv4 in the low 32 bits.</summary>
    public static (UInt128 First, UInt128 Last) Range(IPNetwork network)
    {
        var bits = IsV4(network.BaseAddress) ? 32 : 128;
        var first = bits == 32 ? ToUInt32(network.BaseAddress) : ToUInt128(network.BaseAddress);
        var hostBits = bits - network.PrefixLength;
        var span = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return (first, first + span);
    }
}
