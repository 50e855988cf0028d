using System.Globalization;
using System.Net;

namespace Ztap.Core.Policy.Validation;

/// <summary>
/// Parses <c>address/length</c>. Unlike <see cref="IPNetwork.TryParse(string?, out IPNetwork)"/> it
/// accepts host bits (10.0.1.1/24), reporting them so each dialect can decide: a warning in
/// Kubernetes, which accepts them, an error in ztap/v1.
/// </summary>
internal static class CidrSyntax
{
    /// <summary>
    /// Parses <paramref name="text"/> into the network it denotes, with host bits cleared.
    /// Returns false, with <paramref name="error"/> saying why, when it is not a CIDR.
    /// </summary>
    public static bool TryParse(string text, out IPNetwork network, out bool hasHostBits, out string? error)
    {
        network = default;
        hasHostBits = false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = IpAddressSyntax.TryParse(text, out var bare)
                ? $"'{text}' is an address, not a CIDR; write {bare}/{Bits(bare)} for just that address"
                : $"'{text}' is not a CIDR such as 10.0.0.0/16 or fd00::/64";
            return false;
        }

        if (!IpAddressSyntax.TryParse(text.AsSpan(0, slash), out var address))
        {
            error = $"'{text[..slash]}' in '{text}' is not an IP address";
            return false;
        }

        var maxLength = Bits(address);
        var lengthText = text.AsSpan(slash + 1);
        if (lengthText.Length is 0 or > 3
            || lengthText.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length > maxLength)
        {
            error = $"the prefix length in '{text}' must be a number from 0 to {maxLength}";
            return false;
        }

        var masked = Mask(address, length);
        hasHostBits = !masked.Equals(address);
        network = new IPNetwork(masked, length);
        error = null;
        return true;
    }

    private static int Bits(IPAddress address) => address.GetAddressBytes().Length * 8;

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsKept = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsKept));
        }

        return new IPAddress(bytes);
    }
}
