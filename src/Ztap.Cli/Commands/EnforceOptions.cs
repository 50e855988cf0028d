using System.CommandLine;
using System.CommandLine.Parsing;
using Ztap.Enforcement;

namespace Ztap.Cli.Commands;

/// <summary>
/// The options of <c>ztap enforce</c>: what to enforce and how, or <c>--remove</c> alone. Wrong
/// combinations are usage errors (exit 2) found while parsing, before anything is read or touched.
/// </summary>
internal sealed class EnforceOptions
{
    public Option<string[]> Policies { get; } = OptionalPolicyPaths();

    public Option<string> Inventory { get; } = new("--inventory", "-i")
    {
        Description = "Inventory file; workloads with a cgroup are the ones enforced on this host.",
        HelpName = "FILE",
    };

    public Option<string> Mode { get; } = ModeOption();

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Print the identities, prefixes and map entries that would be installed; change nothing.",
    };

    public Option<bool> WholeHost { get; } = new("--whole-host")
    {
        Description = "Allow a workload whose cgroup is / (the root): every process on the host is filtered.",
    };

    public Option<bool> Remove { get; } = new("--remove")
    {
        Description = "Detach and remove everything ztap installed.",
    };

    public Option<string> Backend { get; } = Backends.Option(
        withAuto: true,
        "ebpf (workload cgroups), nftables (Linux hosts whose workloads are the machine), pf (macOS); auto picks and says why. With --remove: which to remove (default: the one last enforced).");

    public Option<string[]> Workload { get; } = WorkloadOption();

    public Option<bool> LogDenied { get; } = new("--log-denied")
    {
        Description = $"nftables: send denied packets (audit: would-be denials) to NFLOG group {DeniedPacketLog.DefaultGroup} for the flow log, rate-limited; the rest are counted.",
    };

    public Option<string> Output { get; } = CommonOptions.Output();

    public IEnumerable<Option> All => [Policies, Inventory, Mode, DryRun, WholeHost, Backend, Workload, LogDenied, Remove, Output];

    public void Validate(CommandResult result)
    {
        var given = All.Where(o => o != Output && result.GetResult(o) is { Implicit: false }).ToList();
        if (result.GetResult(Remove) is { Implicit: false })
        {
            foreach (var option in given.Where(o => o != Remove && o != Backend))
            {
                result.AddError($"--remove takes no other option ({option.Name} given).");
            }

            return;
        }

        foreach (var required in new Option[] { Policies, Inventory }.Where(o => !given.Contains(o)))
        {
            result.AddError($"Option '{required.Name}' is required (or --remove).");
        }

        if (given.Contains(LogDenied) && result.GetValue(Backend) is "ebpf" or "pf")
        {
            result.AddError("--log-denied is for the nftables backend (eBPF reports every denial without it).");
        }
    }

    private static Option<string[]> OptionalPolicyPaths()
    {
        var option = CommonOptions.PolicyPaths();
        option.Required = false;
        return option;
    }

    /// <summary>Which workloads this host is, for the backends that enforce for whole machines; the agent takes it too.</summary>
    public static Option<string[]> WorkloadOption() => new("--workload")
    {
        Description = "nftables, pf: a workload this host is (namespace/name or name; repeatable); default: those with an address on this host's interfaces.",
        HelpName = "NAME",
    };

    public static Option<string> ModeOption()
    {
        var option = new Option<string>("--mode")
        {
            Description = "enforce drops denied flows; audit lets everything pass and reports what would be denied.",
            HelpName = "enforce|audit",
            DefaultValueFactory = _ => "enforce",
        };
        option.AcceptOnlyFromAmong("enforce", "audit");
        return option;
    }
}
