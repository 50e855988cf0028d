using System.CommandLine;
using Ztap.Cli.Output;
using Ztap.Enforcement;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap enforce</c>: compiles the policies against the inventory and installs the set in the
/// kernel (eBPF on this host's workload cgroups), prints what it would install, or removes it.
/// </summary>
internal static class EnforceCommand
{
    public const string Footer = """
        Enforcement stays in place after ztap exits; running enforce again with changed policies
        replaces the set in one step. State: ZTAP_STATE_DIR (default /var/lib/ztap); pinned objects:
        ZTAP_PIN_ROOT (default /sys/fs/bpf/ztap). Needs root (CAP_BPF, CAP_NET_ADMIN, CAP_SYS_ADMIN),
        except for --dry-run.
        Exit codes: 0 applied, 1 invalid input or a set too big for the datapath, 2 usage error,
        3 a path does not exist, 6 the host refused (permissions, cgroup v2, BPF, kernel).

        Examples:
          ztap enforce -f examples/policies -i examples/inventory.yaml
          ztap enforce -f examples/policies -i examples/inventory.yaml --mode audit
          ztap enforce -f examples/policies -i examples/inventory.yaml --dry-run
          ztap enforce -f examples/policies -i examples/inventory.yaml --backend nftables --dry-run
          ztap enforce -f examples/policies -i examples/inventory.yaml --backend nftables --log-denied
          ztap enforce --remove
        """;

    public static Command Create(CliConsole console)
    {
        var options = new EnforceOptions();
        var command = new Command("enforce", "Enforce policies on this host's workloads (eBPF, nftables or pf), show what would be installed, or remove it.");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.Validators.Add(options.Validate);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = parseResult.GetFormat(options.Output);
            var backend = parseResult.GetValue(options.Backend);
            if (parseResult.GetValue(options.Remove))
            {
                return await EnforcementRun.ReportingFailuresAsync(console, async () =>
                {
                    var enforcer = Backends.Installed(backend == "auto" ? null : backend);
                    var removed = await enforcer.RemoveAsync(cancellationToken).ConfigureAwait(false);
                    InstalledBackend.Clear(ZtapStateDirectory.FromEnvironment(), enforcer.Backend);
                    IRenderer<RemoveResult> renderer = format == OutputFormat.Json ? new RemoveJsonRenderer() : new RemoveTableRenderer();
                    renderer.Render(removed, console.Out);
                }).ConfigureAwait(false);
            }

            var policies = parseResult.GetRequiredValue(options.Policies);
            var inventory = parseResult.GetRequiredValue(options.Inventory);
            if (!InputPaths.AllExist([.. policies, inventory], console))
            {
                return ExitCodes.IoFailure;
            }

            var inputs = await CheckInputs.LoadAsync(policies, inventory, console, cancellationToken).ConfigureAwait(false);
            if (inputs is null)
            {
                return ExitCodes.InvalidOrDenied;
            }

            var set = inputs.Engine.PolicySet;
            var enforcement = new EnforcementOptions(
                parseResult.GetValue(options.Mode) == "audit" ? EnforcementMode.Audit : EnforcementMode.Enforce,
                parseResult.GetValue(options.WholeHost))
            {
                Workloads = [.. parseResult.GetValue(options.Workload) ?? []],
                LogDenied = parseResult.GetValue(options.LogDenied) ? new DeniedPacketLog() : null,
            };
            return await EnforcementRun.ReportingFailuresAsync(console, async () =>
            {
                var choice = BackendSelection.Choose(backend ?? "auto", set);
                console.Error.WriteLine($"backend {choice.Backend}: {choice.Reason}");
                var enforcer = Backends.Create(choice.Backend);
                if (parseResult.GetValue(options.DryRun))
                {
                    var plan = await enforcer.DryRunAsync(set, enforcement, cancellationToken).ConfigureAwait(false);
                    IRenderer<EnforcementPlan> planRenderer = format == OutputFormat.Json ? new PlanJsonRenderer() : new PlanTableRenderer(console.OutPalette);
                    planRenderer.Render(plan, console.Out);
                    return;
                }

                var applied = await enforcer.ApplyAsync(set, enforcement, cancellationToken).ConfigureAwait(false);
                InstalledBackend.Write(ZtapStateDirectory.FromEnvironment(), applied.Backend);
                IRenderer<ApplyResult> renderer = format == OutputFormat.Json ? new ApplyJsonRenderer() : new ApplyTableRenderer(console.OutPalette);
                renderer.Render(applied, console.Out);
            }).ConfigureAwait(false);
        });
        return command;
    }
}
