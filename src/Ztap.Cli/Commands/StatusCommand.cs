using System.CommandLine;
using Ztap.Cli.Output;
using Ztap.Enforcement;

namespace Ztap.Cli.Commands;

/// <summary><c>ztap status</c>: what is enforced on this host, read from the kernel and ztap's state.</summary>
internal static class StatusCommand
{
    public const string Footer = """
        Shows the backend, the policy version in force and when it was applied, the attached
        cgroups, the identities, how full the datapath's maps are, and decisions per policy since
        the version was applied. Needs root, like enforce.
        Exit codes: 0 shown (also when nothing is enforced), 2 usage error, 6 the host refused.

        Examples:
          ztap status
          ztap status -o json
          ztap status --backend nftables
        """;

    public static Command Create(CliConsole console)
    {
        var output = CommonOptions.Output();
        var backend = Backends.Option(withAuto: false, "The backend to ask (default: the one the last enforce used).");
        var command = new Command("status", "Show what is enforced on this host.") { output, backend };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            return await EnforcementRun.ReportingFailuresAsync(console, async () =>
            {
                var enforcer = Backends.Installed(parseResult.GetValue(backend));
                var status = await enforcer.StatusAsync(cancellationToken).ConfigureAwait(false);
                IRenderer<EnforcementStatus> renderer = parseResult.GetFormat(output) == OutputFormat.Json
                    ? new StatusJsonRenderer()
                    : new StatusTableRenderer(console.OutPalette);
                renderer.Render(status, console.Out);
            }).ConfigureAwait(false);
        });
        return command;
    }
}
