using System.Globalization;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Checks what the eBPF backend needs before it touches anything, so a host that cannot enforce
/// says why in one sentence: root or the capabilities, cgroup v2, BPF, a bpffs under the pin root.
/// </summary>
internal static class HostPreflight
{
    private const int CapNetAdmin = 12;
    private const int CapSysAdmin = 21;
    private const int CapBpf = 39;

    /// <summary>Returns the cgroup2 mount point; mounts bpffs at /sys/fs/bpf when the pin root needs it.</summary>
    public static string Check(string pinRoot)
    {
        var missing = MissingCapabilities(File.ReadAllLines("/proc/self/status"));
        if (missing.Count > 0)
        {
            throw new EnforcementException(
                EnforcementFailure.NotPermitted,
                $"enforcing with eBPF needs root or the capabilities {string.Join(", ", missing)} (running as uid {LibC.GetEuid()})");
        }

        if (!File.Exists("/sys/kernel/btf/vmlinux") && !Directory.Exists("/sys/fs/bpf"))
        {
            throw new EnforcementException(EnforcementFailure.Unsupported, "this kernel offers no BPF (neither /sys/fs/bpf nor /sys/kernel/btf/vmlinux exists)");
        }

        var mounts = MountTable.Read();
        var cgroup2 = mounts.Cgroup2
            ?? throw new EnforcementException(EnforcementFailure.Unsupported, "no cgroup v2 mount found in /proc/self/mountinfo: ztap attaches its programs to cgroup v2 groups");
        if (!mounts.OnBpfFs(pinRoot))
        {
            MountBpfFs(pinRoot);
        }

        return cgroup2;
    }

    /// <summary>The capabilities from CapEff that ztap lacks, by name.</summary>
    public static List<string> MissingCapabilities(IEnumerable<string> status)
    {
        var line = status.FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        var effective = line is null ? 0UL : ulong.Parse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return [.. new[] { (CapBpf, "CAP_BPF"), (CapNetAdmin, "CAP_NET_ADMIN"), (CapSysAdmin, "CAP_SYS_ADMIN") }
            .Where(c => (effective & (1UL << c.Item1)) == 0)
            .Select(c => c.Item2)];
    }

    private static void MountBpfFs(string pinRoot)
    {
        const string bpffs = "/sys/fs/bpf";
        if (!Path.GetFullPath(pinRoot).StartsWith(bpffs + "/", StringComparison.Ordinal))
        {
            throw new EnforcementException(EnforcementFailure.Unsupported, $"the pin root {pinRoot} is not on a bpffs mount");
        }

        Directory.CreateDirectory(bpffs);
        if (LibC.Mount("bpf", bpffs, "bpf", 0, 0) < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            throw new EnforcementException(EnforcementFailure.Unsupported, $"mounting bpffs at {bpffs}: {Errno.Describe(errno)}");
        }
    }
}
