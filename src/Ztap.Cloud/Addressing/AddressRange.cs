using System.Net;
using System.Net.Sockets;

namespace Ztap.Cloud.Addressing;

/// <summary>
/// A run of consecutive addresses of one family, as 128-bit numbers so that IPv4 and IPv6 share
/// one arithmetic; IPv4 addresses are numbered 0 to 2^32-1.
/// </summary>
internal readonly record struct AddressRange(bool IsV4, UInt128 First, UInt128 Last)
{
    public int Bits => IsV4 ? 32 : 128;

    public static AddressRange Of(IPNetwork network)
    {
        var isV4 = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        var bits = isV4 ? 32 : 128;
        var first = ToNumber(network.BaseAddress);
        var hostBits = bits - network.PrefixLength;
        var size = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return new AddressRange(isV4, first, first + size);
    }

    public static AddressRange Of(IPAddress address) => Of(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));

    public static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        UInt128 number = 0;
        for (var i = 0; i < written; i++)
        {
            number = (number << 8) | bytes[i];
        }

        return number;
    }

    public static IPAddress ToAddress(bool isV4, UInt128 number)
    {
        var length = isV4 ? 4 : 16;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(number & 0xff);
            number >>= 8;
        }

        return new IPAddress(bytes);
    }
}
