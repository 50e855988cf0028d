using System.Globalization;
using System.Net;
using Ztap.Core.Policy;

namespace Ztap.Anomaly.FlowFiles;

/// <summary>
/// Reads the fields of a flow as CSV and JSON write them, each returning null and a message a person
/// can fix when the text is wrong. Timestamps are ISO 8601 (UTC unless an offset is given, as the seed's
/// service sent them) or Unix seconds.
/// </summary>
internal static class FlowFields
{
    public static DateTimeOffset? Timestamp(string text, out string? error)
    {
        error = null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and < 253_402_300_800)
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        error = $"\"{text}\" is not a timestamp; use ISO 8601 (2026-03-02T09:15:00Z) or Unix seconds";
        return null;
    }

    public static IPAddress? Address(string text, out string? error)
    {
        // IPAddress.TryParse alone would read "10.1" as 10.0.0.1, which nobody writing a flow means.
        var complete = text.Contains(':', StringComparison.Ordinal) || text.Count(c => c == '.') == 3;
        if (complete && IPAddress.TryParse(text, out var address))
        {
            error = null;
            return address;
        }

        error = $"\"{text}\" is not an IP address";
        return null;
    }

    public static int? Port(string text, out string? error)
    {
        var valid = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535;
        error = valid ? null : $"\"{text}\" is not a port number from 0 to 65535";
        return valid ? port : null;
    }

    public static Protocol? Protocol(string text, out string? error)
    {
        var valid = ProtocolNames.TryParse(text, out var protocol);
        error = valid ? null : $"\"{text}\" is not a protocol; use TCP, UDP, SCTP or ICMP";
        return valid ? protocol : null;
    }

    public static long? Bytes(string text, out string? error)
    {
        var valid = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes);
        error = valid ? null : $"\"{text}\" is not a byte count (a whole number, 0 or more)";
        return valid ? bytes : null;
    }

    /// <summary>A country code, or null for an empty field; anything but two letters is refused.</summary>
    public static string? Geo(string text, out string? error)
    {
        error = text.Length == 0 || (text.Length == 2 && text.All(char.IsAsciiLetter)) ? null : $"\"{text}\" is not a two-letter country code";
        return error is null && text.Length == 2 ? text.ToUpperInvariant() : null;
    }
}
