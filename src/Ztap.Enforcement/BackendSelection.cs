using Ztap.Core.Compiler;

namespace Ztap.Enforcement;

/// <summary>
/// Picks the backend for <c>--backend auto</c>: eBPF on Linux when cgroup v2 and BPF are there and
/// the inventory has workloads in local cgroups; nftables on any other Linux host, where the
/// workloads are the machine itself; pf on macOS.
/// </summary>
public static class BackendSelection
{
    public static readonly string[] Names = ["ebpf", "nftables", "pf"];

    public static BackendChoice Choose(string requested, PolicySet set, string mountInfoPath = "/proc/self/mountinfo", string bpfSysctl = "/proc/sys/kernel/unprivileged_bpf_disabled")
    {
        if (requested != "auto")
        {
            return new BackendChoice(requested, "asked for with --backend");
        }

        if (OperatingSystem.IsMacOS())
        {
            return new BackendChoice("pf", "macOS filters with pf");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new EnforcementException(EnforcementFailure.Unsupported, "ztap enforces on Linux (eBPF, nftables) and macOS (pf) only");
        }

        var withCgroup = set.Inventory.WithCgroup.Length;
        if (withCgroup == 0)
        {
            return new BackendChoice("nftables", "no inventory workload has a cgroup, so the workloads are whole hosts: nftables filters this host's addresses");
        }

        if (!File.ReadLines(mountInfoPath).Any(line => line.Split(" - ", 2) is [_, var tail] && tail.StartsWith("cgroup2 ", StringComparison.Ordinal)))
        {
            return new BackendChoice("nftables", "this host has no cgroup v2 mount for eBPF to attach to");
        }

        if (!File.Exists(bpfSysctl))
        {
            return new BackendChoice("nftables", "this kernel has no BPF system call");
        }

        return new BackendChoice("ebpf", $"Linux with cgroup v2 and BPF, and {withCgroup} inventory workload(s) run in cgroups here");
    }

    /// <summary>The backend status and remove work on when none is named: the one the last enforce recorded, else this platform's usual one.</summary>
    public static string Installed(string stateDirectory) =>
        InstalledBackend.Read(stateDirectory) ?? (OperatingSystem.IsMacOS() ? "pf" : "ebpf");
}
