using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ztap.Observability.FlowLog;

/// <summary>
/// The inode of a file, read with stat(2)/fstat(2): a follower compares the file it holds open with
/// the one now at the log's path to notice a rotation. <c>st_ino</c> is the 64-bit field at offset 8
/// of <c>struct stat</c> on Linux (x86-64 and arm64) and macOS alike.
/// </summary>
internal static partial class FileIdentity
{
    private const int StatBufferBytes = 256;
    private const int InodeOffset = 8;

    /// <summary>The inode at the path, or null when nothing is there.</summary>
    public static ulong? OfPath(string path)
    {
        Span<byte> buffer = stackalloc byte[StatBufferBytes];
        return Stat(path, ref MemoryMarshal.GetReference(buffer)) == 0 ? Inode(buffer) : null;
    }

    public static ulong? OfHandle(SafeFileHandle handle)
    {
        Span<byte> buffer = stackalloc byte[StatBufferBytes];
        var success = false;
        handle.DangerousAddRef(ref success);
        try
        {
            return FStat((int)handle.DangerousGetHandle(), ref MemoryMarshal.GetReference(buffer)) == 0 ? Inode(buffer) : null;
        }
        finally
        {
            if (success)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static ulong Inode(ReadOnlySpan<byte> stat) => MemoryMarshal.Read<ulong>(stat[InodeOffset..]);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int FStat(int fd, ref byte buffer);
}
