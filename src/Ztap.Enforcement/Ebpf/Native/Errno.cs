using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Native;

/// <summary>Turns an errno into the form ztap's messages use: <c>EPERM (Operation not permitted)</c>.</summary>
internal static class Errno
{
    public const int Eperm = 1;
    public const int Enoent = 2;
    public const int Eacces = 13;
    public const int Eexist = 17;
    public const int Einval = 22;
    public const int E2big = 7;
    public const int Enospc = 28;

    public static string Describe(int errno)
    {
        errno = Math.Abs(errno);
        var name = errno switch
        {
            Eperm => "EPERM",
            Enoent => "ENOENT",
            E2big => "E2BIG",
            Eacces => "EACCES",
            Eexist => "EEXIST",
            Einval => "EINVAL",
            Enospc => "ENOSPC",
            12 => "ENOMEM",
            16 => "EBUSY",
            95 => "EOPNOTSUPP",
            _ => $"errno {errno}",
        };
        return $"{name} ({Marshal.GetPInvokeErrorMessage(errno)})";
    }

    /// <summary>The errno of a libbpf result: the negative return of an int call, or errno after a null pointer.</summary>
    public static int Of(int result) => result < 0 ? -result : Marshal.GetLastPInvokeError();
}
