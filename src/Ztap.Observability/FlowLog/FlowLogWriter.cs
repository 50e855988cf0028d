using System.Buffers;
using System.Text.Json;
using Ztap.Core.Flows;
using Ztap.Observability.Pipeline;

namespace Ztap.Observability.FlowLog;

/// <summary>
/// Appends flow records to the flow log as JSON lines and rotates it by size. Lines are buffered
/// and reach the file on <see cref="Flush"/> (the agent flushes a few times a second), so a crash
/// loses at most the unflushed lines and at worst leaves one line cut short, which readers skip.
/// Not thread-safe: one writer per log, fed from one thread.
/// </summary>
public sealed class FlowLogWriter : IFlowSink, IDisposable
{
    private const int FlushThresholdBytes = 64 * 1024;

    private readonly FlowLogLocation _location;
    private readonly FlowLogLimits _limits;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThresholdBytes * 2);
    private readonly Utf8JsonWriter _json;
    private FileStream _file;

    public FlowLogWriter(FlowLogLocation location, FlowLogLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxFileBytes, 1024L, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.KeptFiles, nameof(limits));
        _location = location;
        _limits = limits;
        _json = new Utf8JsonWriter(_buffer, FlowLogJson.WriterOptions);
        Directory.CreateDirectory(location.Directory);
        _file = OpenCurrent();
    }

    /// <summary>Lines written since the writer opened, for the agent's own report.</summary>
    public long Written { get; private set; }

    public void Write(FlowRecord record)
    {
        FlowLogJson.Write(_json, record);
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
        Written++;
        if (_buffer.WrittenCount >= FlushThresholdBytes)
        {
            Flush();
        }
    }

    /// <summary>Writes buffered lines to the file, rotating first when they would take it past its size limit
    /// (a file larger than the limit holds one flush of at most 64 KiB).</summary>
    public void Flush()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        if (_file.Length > 0 && _file.Length + _buffer.WrittenCount > _limits.MaxFileBytes)
        {
            Rotate();
        }

        _file.Write(_buffer.WrittenSpan);
        _file.Flush();
        _buffer.ResetWrittenCount();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
        _file.Dispose();
    }

    private FileStream OpenCurrent()
    {
        var file = new FileStream(_location.CurrentFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);

        // A crash mid-line left the last line without its end: end it, so the next record starts
        // on a line of its own and only the broken line is lost.
        if (file.Length > 0 && !EndsWithNewline(_location.CurrentFile))
        {
            file.Write("\n"u8);
        }

        return file;
    }

    private void Rotate()
    {
        _file.Dispose();
        for (var n = _limits.KeptFiles + 1; File.Exists(_location.RotatedFile(n)); n++)
        {
            // Files beyond the kept count, left when the limit was lowered, go too.
            File.Delete(_location.RotatedFile(n));
        }

        for (var n = _limits.KeptFiles; n >= 1; n--)
        {
            var from = n == 1 ? _location.CurrentFile : _location.RotatedFile(n - 1);
            if (File.Exists(from))
            {
                File.Move(from, _location.RotatedFile(n), overwrite: true);
            }
        }

        if (_limits.KeptFiles == 0)
        {
            File.Delete(_location.CurrentFile);
        }

        _file = OpenCurrent();
    }

    private static bool EndsWithNewline(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() == '\n';
    }
}
