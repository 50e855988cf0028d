using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Ztap.Anomaly.Tests.Geo;

/// <summary>
/// Writes a small MaxMind DB (format 2.0) country database, so tests build the file they read instead of
/// downloading one: an IPv6 search tree with 24-bit records (IPv4 networks under ::/96), a data section of
/// <c>{"country": {"iso_code": ...}}</c> maps, and the metadata map after the MaxMind marker.
/// </summary>
internal sealed class MmdbWriter
{
    private const int Empty = -1;
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];

    // Each node holds two records: a child node (>= 0), Empty, or a data entry encoded as -2 - index.
    private readonly List<int[]> _nodes = [new[] { Empty, Empty }];
    private readonly List<string> _countries = [];

    public MmdbWriter Add(string network, string isoCode)
    {
        var prefix = IPNetwork.Parse(network);
        Span<byte> bytes = stackalloc byte[16];
        var v4 = prefix.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        prefix.BaseAddress.TryWriteBytes(v4 ? bytes[12..] : bytes, out _);
        var bits = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        var length = prefix.PrefixLength + (v4 ? 96 : 0);

        var data = _countries.IndexOf(isoCode);
        if (data < 0)
        {
            data = _countries.Count;
            _countries.Add(isoCode);
        }

        var node = 0;
        for (var i = 0; i < length; i++)
        {
            var bit = (int)((bits >> (127 - i)) & 1);
            if (i == length - 1)
            {
                _nodes[node][bit] = -2 - data;
            }
            else if (_nodes[node][bit] >= 0)
            {
                node = _nodes[node][bit];
            }
            else
            {
                _nodes.Add([Empty, Empty]);
                _nodes[node][bit] = _nodes.Count - 1;
                node = _nodes.Count - 1;
            }
        }

        return this;
    }

    public void Write(string path)
    {
        var data = new MemoryStream();
        var offsets = new List<int>();
        foreach (var country in _countries)
        {
            offsets.Add((int)data.Length);
            MmdbData.Map(data, 1);
            MmdbData.String(data, "country");
            MmdbData.Map(data, 1);
            MmdbData.String(data, "iso_code");
            MmdbData.String(data, country);
        }

        using var file = File.Create(path);
        var count = _nodes.Count;
        foreach (var node in _nodes)
        {
            foreach (var record in node)
            {
                var value = record >= 0 ? record : record == Empty ? count : count + 16 + offsets[-2 - record];
                file.Write([(byte)(value >> 16), (byte)(value >> 8), (byte)value]);
            }
        }

        file.Write(new byte[16]);
        data.WriteTo(file);
        file.Write(MetadataMarker);
        WriteMetadata(file, count);
    }

    private static void WriteMetadata(Stream stream, int nodeCount)
    {
        MmdbData.Map(stream, 9);
        MmdbData.String(stream, "binary_format_major_version");
        MmdbData.UInt(stream, 5, 2);
        MmdbData.String(stream, "binary_format_minor_version");
        MmdbData.UInt(stream, 5, 0);
        MmdbData.String(stream, "build_epoch");
        MmdbData.UInt(stream, 9, 1_700_000_000);
        MmdbData.String(stream, "database_type");
        MmdbData.String(stream, "ZTAP-Test-Country");
        MmdbData.String(stream, "description");
        MmdbData.Map(stream, 1);
        MmdbData.String(stream, "en");
        MmdbData.String(stream, "countries for ztap tests");
        MmdbData.String(stream, "ip_version");
        MmdbData.UInt(stream, 5, 6);
        MmdbData.String(stream, "languages");
        MmdbData.Array(stream, 1);
        MmdbData.String(stream, "en");
        MmdbData.String(stream, "node_count");
        MmdbData.UInt(stream, 6, (ulong)nodeCount);
        MmdbData.String(stream, "record_size");
        MmdbData.UInt(stream, 5, 24);
    }
}
