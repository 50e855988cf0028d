using System.Buffers;

namespace Ztap.Observability.FlowLog;

/// <summary>
/// Splits what is read from a log file into whole lines. A line still being written (no newline
/// yet) is held back until its end arrives, so a follower never parses half a record.
/// </summary>
internal sealed class FlowLogLines
{
    private const int ChunkBytes = 64 * 1024;

    private readonly byte[] _chunk = new byte[ChunkBytes];
    private readonly ArrayBufferWriter<byte> _pending = new(ChunkBytes);

    /// <summary>Reads what the stream has now and hands each complete line to <paramref name="line"/>; false at the end of what is there.</summary>
    public async Task<bool> ReadAsync(Stream stream, Action<ReadOnlyMemory<byte>> line, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_chunk, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return false;
        }

        var data = _chunk.AsMemory(0, read);
        int end;
        while ((end = data.Span.IndexOf((byte)'\n')) >= 0)
        {
            if (_pending.WrittenCount > 0)
            {
                _pending.Write(data.Span[..end]);
                line(_pending.WrittenMemory);
                _pending.ResetWrittenCount();
            }
            else
            {
                line(data[..end]);
            }

            data = data[(end + 1)..];
        }

        _pending.Write(data.Span);
        return true;
    }

    /// <summary>Forgets a partial line, when the file it came from was truncated or replaced.</summary>
    public void Reset() => _pending.ResetWrittenCount();
}
