using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ztap.Cli.Output;

/// <summary>
/// A JSON writer onto a <see cref="TextWriter"/>, written by hand with <see cref="Utf8JsonWriter"/>
/// so the native binary needs no reflection. Output is indented with \n on every platform, so it
/// is byte-for-byte stable, and it is passed on in chunks so a large flow run never sits whole in memory.
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Names like "prod/web" and messages with quotes stay readable; this is output, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes);
    private readonly TextWriter _output;

    public JsonOutput(TextWriter output)
    {
        _output = output;
        Writer = new Utf8JsonWriter(_buffer, Options);
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Passes what has been written on once it is large; call between values.</summary>
    public void FlushIfLarge()
    {
        if (Writer.BytesPending + _buffer.WrittenCount >= ChunkBytes)
        {
            Drain();
        }
    }

    public void Dispose()
    {
        Drain();
        _output.Write('\n');
        Writer.Dispose();
    }

    private void Drain()
    {
        Writer.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }
}
