using System.Globalization;

namespace Ztap.Anomaly;

/// <summary>Byte counts as people read them in reasons: 512 B, 3.4 MB, 2.1 GB (powers of 1000).</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB"];

    public static string Format(double bytes)
    {
        var unit = 0;
        while (Math.Abs(bytes) >= 1000 && unit < Units.Length - 1)
        {
            bytes /= 1000;
            unit++;
        }

        var format = unit == 0 || Math.Abs(bytes) >= 100 ? "0" : "0.#";
        return $"{bytes.ToString(format, CultureInfo.InvariantCulture)} {Units[unit]}";
    }
}
