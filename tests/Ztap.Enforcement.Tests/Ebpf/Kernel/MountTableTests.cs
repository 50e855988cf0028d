using Ztap.Enforcement.Ebpf.Kernel;

namespace Ztap.Enforcement.Tests.Ebpf.Kernel;

public sealed class MountTableTests
{
    private static readonly string[] HybridLayout =
    [
        "22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda1 rw",
        "25 22 0:23 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw",
        "26 25 0:24 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:8 - tmpfs tmpfs ro,mode=755",
        "27 26 0:25 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw",
        "28 26 0:26 / /sys/fs/cgroup/cpu\\040set rw,nosuid shared:10 - cgroup cgroup rw,cpuset",
        "40 25 0:35 / /sys/fs/bpf rw,relatime shared:20 - bpf bpf rw",
    ];

    [Fact]
    public void The_cgroup2_mount_is_found_wherever_it_is()
    {
        Assert.Equal("/sys/fs/cgroup/unified", MountTable.Parse(HybridLayout).Cgroup2);
    }

    [Fact]
    public void A_host_without_cgroup2_has_no_mount_for_it()
    {
        Assert.Null(MountTable.Parse(HybridLayout.Where(l => !l.Contains("cgroup2", StringComparison.Ordinal))).Cgroup2);
    }

    [Fact]
    public void A_pin_root_below_a_bpffs_mount_is_on_bpffs_and_one_elsewhere_is_not()
    {
        var mounts = MountTable.Parse(HybridLayout);

        Assert.True(mounts.OnBpfFs("/sys/fs/bpf/ztap"));
        Assert.False(mounts.OnBpfFs("/sys/fs/bpfish/ztap"));
        Assert.False(mounts.OnBpfFs("/var/lib/ztap"));
    }

    [Fact]
    public void Escaped_spaces_in_mount_points_are_read_back()
    {
        var mounts = MountTable.Parse(["41 22 0:36 / /mnt/my\\040bpf rw,relatime shared:21 - bpf bpf rw"]);

        Assert.True(mounts.OnBpfFs("/mnt/my bpf/ztap"));
    }
}
