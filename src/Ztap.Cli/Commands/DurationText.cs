using System.Globalization;

namespace Ztap.Cli.Commands;

/// <summary>Durations as people type them on a command line: <c>500ms</c>, <c>30s</c>, <c>10m</c>, <c>2h</c>, <c>7d</c>.</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var (digits, unit) = text.EndsWith("ms", StringComparison.Ordinal)
            ? (text[..^2], 'f')
            : (text.Length > 1 ? text[..^1] : "", text.Length > 1 ? text[^1] : ' ');
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        TimeSpan? parsed = unit switch
        {
            'f' => TimeSpan.FromMilliseconds(value),
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => null,
        };
        duration = parsed ?? default;
        return parsed is not null;
    }
}
