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
    private const int LineLimit = 4096;
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

        var buffer = stackalloc byte[LineLimit];
        var length = LibC.VsnPrintf(buffer, LineLimit, format, arguments);
        if (length > 0)
        {
            sink.Append(Encoding.UTF8.GetString(buffer, Math.Min(length, LineLimit - 1)));
        }

        return 0;
    }
}
