namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>The mounts this process sees (/proc/self/mountinfo): where cgroup2 and bpffs are, if anywhere.</summary>
internal sealed class MountTable(IReadOnlyList<(string MountPoint, string FileSystem)> mounts)
{
    public static MountTable Read() => Parse(File.ReadAllLines("/proc/self/mountinfo"));

    /// <summary>Parses mountinfo lines: the mount point is field 5 and the type follows the " - " separator.</summary>
    public static MountTable Parse(IEnumerable<string> lines) => new([.. lines
        .Select(line => (Fields: line.Split(' '), Separator: line.Split(' ').AsSpan().IndexOf("-")))
        .Where(l => l.Separator > 4 && l.Separator + 1 < l.Fields.Length)
        .Select(l => (Unescape(l.Fields[4]), l.Fields[l.Separator + 1]))]);

    /// <summary>The first cgroup2 mount, null on a host without cgroup v2.</summary>
    public string? Cgroup2 => mounts.FirstOrDefault(m => m.FileSystem == "cgroup2").MountPoint;

    /// <summary>Whether <paramref name="path"/> lies on a bpffs mount.</summary>
    public bool OnBpfFs(string path)
    {
        var full = Path.GetFullPath(path);
        var best = mounts
            .Where(m => full == m.MountPoint || full.StartsWith(m.MountPoint.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(m => m.MountPoint.Length);
        return best.FileSystem == "bpf";
    }

    // mountinfo escapes space, tab, newline and backslash as octal.
    private static string Unescape(string field) => field
        .Replace("\\040", " ", StringComparison.Ordinal)
        .Replace("\\011", "\t", StringComparison.Ordinal)
        .Replace("\\012", "\n", StringComparison.Ordinal)
        .Replace("\\134", "\\", StringComparison.Ordinal);
}
