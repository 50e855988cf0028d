using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Native;

/// <summary>The few libc calls the eBPF backend needs beside libbpf.</summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    public const int ORdOnly = 0;
    public const int ODirectory = 0x10000;
    public const int OCloExec = 0x80000;
    public const int ClockBootTime = 7;

    [LibraryImport(Library, EntryPoint = "vsnprintf")]
    public static partial int VsnPrintf(byte* buffer, nuint size, nint format, nint arguments);

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    [LibraryImport(Library, EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Mount(string source, string target, string fileSystemType, ulong flags, nint data);

    [LibraryImport(Library, EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Stat(string path, byte* buffer);

    [LibraryImport(Library, EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGetTime(int clock, long* timespec);
}
