using System.Net;
using System.Net.Sockets;

namespace Ztap.Anomaly.Features;

/// <summary>Tells internal addresses (private, loopback, link-local, shared and unique-local ranges) from the internet.</summary>
internal static class AddressScope
{
    public static bool IsExternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal);
        }

        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        var isInternal = b[0] == 10 || b[0] == 127
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
        return !isInternal;
    }
}
