using System.Text;

namespace Ztap.Anomaly.Tests.Geo;

/// <summary>
/// Encodes values of the MaxMind DB data section: a control byte with the type in its top three bits
/// (types above 7 written as 0 plus an extra byte of type - 7) and the size in its low five bits,
/// extended by one to three bytes for sizes of 29 and more.
/// </summary>
internal static class MmdbData
{
    public static void String(Stream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Control(stream, 2, bytes.Length);
        stream.Write(bytes);
    }

    public static void Map(Stream stream, int pairs) => Control(stream, 7, pairs);

    public static void Array(Stream stream, int items) => Control(stream, 11, items);

    /// <summary>An unsigned integer of type 5 (uint16), 6 (uint32) or 9 (uint64), big-endian without leading zero bytes.</summary>
    public static void UInt(Stream stream, int type, ulong value)
    {
        var bytes = new List<byte>();
        for (var v = value; v > 0; v >>= 8)
        {
            bytes.Insert(0, (byte)v);
        }

        Control(stream, type, bytes.Count);
        stream.Write([.. bytes]);
    }

    private static void Control(Stream stream, int type, int size)
    {
        var typeBits = type <= 7 ? type << 5 : 0;
        var (sizeBits, extra) = size switch
        {
            < 29 => (size, System.Array.Empty<byte>()),
            < 285 => (29, new[] { (byte)(size - 29) }),
            < 65_821 => (30, new[] { (byte)((size - 285) >> 8), (byte)(size - 285) }),
            _ => (31, new[] { (byte)((size - 65_821) >> 16), (byte)((size - 65_821) >> 8), (byte)(size - 65_821) }),
        };

        stream.WriteByte((byte)(typeBits | sizeBits));
        if (type > 7)
        {
            stream.WriteByte((byte)(type - 7));
        }

        stream.Write(extra);
    }
}
