using System.Net;
using System.Net.Sockets;

namespace Ztap.Core.Policy.Validation;

/// <summary>
/// Strict parsing of IP addresses as written in policies and inventories. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
/// also accepts forms like <c>10.1</c> or <c>010.0.0.1</c> that people rarely mean, so IPv4 must
/// be four decimal parts without leading zeros, and IPv6 must not carry a zone.
/// </summary>
internal static class IpAddressSyntax
{
    public static bool TryParse(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Length == 0 || text.ContainsAny(" \t%"))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork && !IsDottedQuad(text))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> text)
    {
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            var valid = part.Length is >= 1 and <= 3
                && !part.ContainsAnyExceptInRange('0', '9')
                && (part.Length == 1 || part[0] != '0');
            if (!valid || ++parts > 4)
            {
                return false;
            }
        }

        return parts == 4;
    }
}
