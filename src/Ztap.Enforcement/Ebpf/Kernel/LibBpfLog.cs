using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Collects what libbpf prints (the verifier's log among it) while a scope is open on this thread,
/// so a rejected program is reported with the kernel's reasons. libbpf's print hook is global and
/// has no context pointer, hence the thread-static sink: libbpf prints on the thread that called it.
/// </summary>
internal sealed unsafe class LibBpfLog : IDisposable
{
    // An x86-64 va_list points at a 24-byte state that vsnprintf advances; saving and restoring
    // it is va_copy, which lets the message be measured first and then formatted whole.
    private const int VaListStateBytes = 24;
    private const int KeptCharacters = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? s_sink;

    private readonly StringBuilder _text = new();

    private LibBpfLog()
    {
        s_sink = _text;
        LibBpf.SetPrint(&Print);
    }

    public static LibBpfLog Capture() => new();

    /// <summary>The last part of the log, where the verifier states why it refused.</summary>
    public string Tail => _text.Length <= KeptCharacters ? _text.ToString() : _text.ToString(_text.Length - KeptCharacters, KeptCharacters);

    public void Dispose() => s_sink = null;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Print(int level, nint format, nint arguments)
    {
        var sink = s_sink;
        if (sink is null)
        {
            return 0;
        }

        var saved = stackalloc byte[VaListStateBytes];
        new ReadOnlySpan<byte>((void*)arguments, VaListStateBytes).CopyTo(new Span<byte>(saved, VaListStateBytes));
        var length = LibC.VsnPrintf(null, 0, format, arguments);
        if (length <= 0)
        {
            return 0;
        }

        new ReadOnlySpan<byte>(saved, VaListStateBytes).CopyTo(new Span<byte>((void*)arguments, VaListStateBytes));
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        try
        {
            var written = LibC.VsnPrintf(buffer, (nuint)length + 1, format, arguments);
            sink.Append(Encoding.UTF8.GetString(buffer, Math.Min(written, length)));
        }
        finally
        {
            NativeMemory.Free(buffer);
        }

        return 0;
    }
}
