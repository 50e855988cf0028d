using System.Buffers;
using System.Text;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Yaml;

/// <summary>Reads a YAML file's bytes, turning a missing, unreadable or oversized file into a diagnostic.</summary>
internal static class YamlFile
{
    private const int MaxPooledBytes = 1024 * 1024;

    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// What <paramref name="use"/> makes of the file's bytes (<see cref="Decode"/> gives its text),
    /// or null after adding a diagnostic that says why it could not be read. Lets a cache look at
    /// the bytes before paying for decoding them.
    /// </summary>
    public static T? Read<T>(
        string path, InputLimits limits, List<Diagnostic> diagnostics, CancellationToken cancellationToken, Func<ReadOnlySpan<byte>, T> use)
        where T : class
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                diagnostics.Add(YamlStreamReader.FileTooLarge(path, length, limits));
                return null;
            }

            return ReadWhole(path, length, cancellationToken, use);
        }
        catch (FileNotFoundException)
        {
            diagnostics.Add(Problem(path, "no such file or directory"));
        }
        catch (DirectoryNotFoundException)
        {
            diagnostics.Add(Problem(path, "no such file or directory"));
        }
        catch (UnauthorizedAccessException exception)
        {
            diagnostics.Add(Problem(path, $"cannot read the file: {exception.Message}"));
        }
        catch (IOException exception)
        {
            diagnostics.Add(Problem(path, $"cannot read the file: {exception.Message}"));
        }

        return null;
    }

    /// <summary>
    /// The file read whole into a pooled buffer and handed to <paramref name="use"/> in one piece
    /// rather than through a reader's small chunks. Reads to the end, so a pipe whose length
    /// reads 0 is read whole too. Only small files use the pool: the shared pool keeps what it is
    /// given back for good, and a long-running agent would carry an inventory-sized buffer forever.
    /// The reads are synchronous: an asynchronous read left the buffer and the decoded text reachable
    /// after the load returned (40 MB for a 13 MB inventory), and callers already run on the pool.
    /// </summary>
    private static T ReadWhole<T>(string path, long length, CancellationToken cancellationToken, Func<ReadOnlySpan<byte>, T> use)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var buffer = Allocate(length + 1);
        try
        {
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    var larger = Allocate(2L * buffer.Length);
                    buffer.AsSpan(0, read).CopyTo(larger);
                    Release(buffer);
                    buffer = larger;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var count = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            return use(buffer.AsSpan(0, read));
        }
        finally
        {
            Release(buffer);
        }
    }

    private static byte[] Allocate(long length) => length <= MaxPooledBytes
        ? ArrayPool<byte>.Shared.Rent((int)length)
        : GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, length));

    private static void Release(byte[] buffer)
    {
        if (buffer.Length <= MaxPooledBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The text as <see cref="File.ReadAllText(string)"/> decodes it: UTF-8, or what a byte order mark says.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Mark))
        {
            return Encoding.UTF8.GetString(bytes[Utf8Mark.Length..]);
        }

        // UTF-16 and UTF-32 marks are rare enough to leave to the reader that knows them all.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
            || (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)))
        {
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The bytes after a UTF-8 byte order mark, or all of them when they have none.</summary>
    public static ReadOnlySpan<byte> WithoutUtf8Mark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Utf8Mark) ? bytes[Utf8Mark.Length..] : bytes;

    /// <summary>A diagnostic about a file as a whole rather than a place in it.</summary>
    public static Diagnostic Problem(string path, string message) =>
        new(Severity.Error, new SourceLocation(path, 0, 0), null, "", message);
}
