using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using Ztap.Core.Addressing;
using Ztap.Core.Policy;

namespace Ztap.Enforcement.Nftables;

/// <summary>How addresses, ranges, ports and protocols are written in an nft ruleset.</summary>
internal static class NftSyntax
{
    public static string Address(bool isV4, UInt128 value)
    {
        if (isV4)
        {
            return AddressKey.FromUInt32((uint)value).ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }

    /// <summary>An address, a prefix when the range is one, else <c>first-last</c>.</summary>
    public static string Range(bool isV4, UInt128 first, UInt128 last)
    {
        if (first == last)
        {
            return Address(isV4, first);
        }

        var span = last - first;
        if ((span & (span + 1)) == 0 && (first & span) == 0)
        {
            var length = (isV4 ? 32 : 128) - (int)UInt128.PopCount(span);
            return string.Create(CultureInfo.InvariantCulture, $"{Address(isV4, first)}/{length}");
        }

        return $"{Address(isV4, first)}-{Address(isV4, last)}";
    }

    public static string Ports(int from, int to) => from == to
        ? from.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{from}-{to}");

    public static string Protocol(Protocol protocol) => protocol switch
    {
        Core.Policy.Protocol.Tcp => "tcp",
        Core.Policy.Protocol.Udp => "udp",
        Core.Policy.Protocol.Sctp => "sctp",
        _ => ((int)protocol).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Text inside a comment; nft limits comments to 128 bytes and has no escape for quotes.</summary>
    public static string Comment(string text)
    {
        var clean = text.Replace('"', '\'');
        return clean.Length <= 120 ? clean : clean[..120];
    }
}
