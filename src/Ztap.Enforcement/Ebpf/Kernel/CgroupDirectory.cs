using System.Buffers.Binary;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>A cgroup v2 directory and its id, the number BPF helpers report for sockets in it.</summary>
internal sealed record CgroupDirectory(string Path, ulong Id)
{
    /// <summary>Resolves a cgroup given relative to the cgroup2 mount ("" or "/" is the root).</summary>
    public static unsafe CgroupDirectory Resolve(string mount, string relative)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Join(mount, relative.Trim('/')));
        if (!path.StartsWith(mount.TrimEnd('/'), StringComparison.Ordinal))
        {
            throw new EnforcementException(EnforcementFailure.InvalidInput, $"cgroup {relative} lies outside the cgroup2 mount {mount}");
        }

        // The cgroup id is the inode number of its directory in cgroupfs; st_ino sits at offset 8 of
        // struct stat on both x86-64 and arm64.
        var stat = stackalloc byte[256];
        if (LibC.Stat(path, stat) < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            throw new EnforcementException(EnforcementFailure.InvalidInput, $"cgroup {path}: {Errno.Describe(errno)}");
        }

        return new CgroupDirectory(path, BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(stat + 8, 8)));
    }

    public bool IsRoot(string mount) => System.IO.Path.GetFullPath(Path).TrimEnd('/') == System.IO.Path.GetFullPath(mount).TrimEnd('/');
}
