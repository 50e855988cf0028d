using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Nftables.Nflog;

/// <summary>The libc calls of the NFLOG reader: a netlink socket, and entering a network namespace to create it.</summary>
internal static unsafe partial class NetlinkLibC
{
    public const int AfNetlink = 16;
    public const int SockRaw = 3;
    public const int SockCloExec = 0x80000;
    public const int NetlinkNetfilter = 12;
    public const int SolSocket = 1;
    public const int SoRcvBufForce = 33;
    public const int SoRcvTimeo = 20;
    public const int ORdOnly = 0;
    public const int OCloExec = 0x80000;
    public const int CloneNewNet = 0x40000000;
    public const int Eintr = 4;
    public const int Eagain = 11;
    public const int Enobufs = 105;

    private const string Library = "libc";

    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Library, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, void* address, uint length);

    [LibraryImport(Library, EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, void* buffer, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Receive(int fd, void* buffer, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSocketOption(int fd, int level, int name, void* value, uint length);

    [LibraryImport(Library, EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNetworkNamespace(int fd, int type);

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>An errno as ztap's messages say it: <c>errno 16 (Device or resource busy)</c>.</summary>
    public static string Describe(int errno) => $"errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})";
}
