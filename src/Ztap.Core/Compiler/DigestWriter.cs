using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ztap.Core.Addressing;

namespace Ztap.Core.Compiler;

/// <summary>
/// Feeds values to a SHA-256 through one buffer: numbers as 8 little-endian bytes, text as UTF-8
/// followed by a zero byte. Hashing in large chunks and formatting into the buffer keeps a digest
/// of a large set from costing a call and a string per value.
/// </summary>
internal sealed class DigestWriter : IDisposable
{
    private const int Capacity = 64 * 1024;

    // Room kept for any one number or formatted value, so only long text needs a size check.
    private const int Reserve = 1024;

    private readonly IncrementalHash _hash;
    private readonly byte[] _buffer = new byte[Capacity];
    private int _length;

    public DigestWriter()
        : this(IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
    {
    }

    /// <summary>Continues a digest from a <see cref="Snapshot"/>, which the writer takes over.</summary>
    public DigestWriter(IncrementalHash resumed) => _hash = resumed;

    public void Write(long value)
    {
        Ensure(sizeof(long));
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += sizeof(long);
    }

    public void WriteText(string text)
    {
        Append(text);
        End();
    }

    /// <summary>Appends text without ending it, so a value can be written in parts.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        if (Encoding.UTF8.GetMaxByteCount(text.Length) > Capacity - Reserve)
        {
            Flush();
            _hash.AppendData(Encoding.UTF8.GetBytes(text.ToArray()));
            return;
        }

        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    /// <summary>
    /// Appends a value as its invariant text, as <c>ToString()</c> would write it, formatted
    /// straight into the buffer as UTF-8.
    /// </summary>
    public void Append<T>(T value)
        where T : IUtf8SpanFormattable
    {
        Ensure(Reserve);
        if (!value.TryFormat(_buffer.AsSpan(_length, Reserve), out var written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            Append(value.ToString());
            return;
        }

        _length += written;
    }

    /// <summary>
    /// Appends a prefix as its text (<c>10.0.0.0/8</c>). IPv4 prefixes are written digit by digit:
    /// a large set hashes a hundred thousand of them, and the general formatter was most of that.
    /// </summary>
    public void Append(IPNetwork prefix)
    {
        if (!AddressKey.IsV4(prefix.BaseAddress))
        {
            Append<IPNetwork>(prefix);
            return;
        }

        // "255.255.255.255/32" is 18 bytes.
        Ensure(18);
        var address = AddressKey.ToUInt32(prefix.BaseAddress);
        var text = _buffer.AsSpan(_length);
        var at = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            at += Digits((byte)(address >> shift), text[at..]);
            text[at++] = shift == 0 ? (byte)'/' : (byte)'.';
        }

        at += Digits((byte)prefix.PrefixLength, text[at..]);
        _length += at;
    }

    /// <summary>Appends bytes as they are, such as text already encoded.</summary>
    public void AppendBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Capacity - Reserve)
        {
            Flush();
            _hash.AppendData(bytes);
            return;
        }

        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Ends a text value with its zero byte.</summary>
    public void End()
    {
        Ensure(1);
        _buffer[_length++] = 0;
    }

    /// <summary>The first 16 hex digits of the digest of everything written.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset())[..16];
    }

    /// <summary>Writes the digest of everything written into <paramref name="destination"/> and starts a new one.</summary>
    public void FinishInto(Span<byte> destination)
    {
        Flush();
        _hash.GetHashAndReset(destination);
    }

    /// <summary>A copy of the hash of everything written so far, to resume from later.</summary>
    public IncrementalHash Snapshot()
    {
        Flush();
        return _hash.Clone();
    }

    public void Dispose() => _hash.Dispose();

    private static int Digits(byte value, Span<byte> text)
    {
        value.TryFormat(text, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > Capacity)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _length);
        _length = 0;
    }
}
