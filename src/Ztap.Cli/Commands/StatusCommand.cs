using System.CommandLine;
using Ztap.Cli.Output;
using Ztap.Cloud.Aws;
using Ztap.Enforcement;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap status</c>, the hybrid view: what is enforced on this host, read from the kernel and
/// ztap's state, and when AWS is configured, the EC2 instances with their ztap groups.
/// </summary>
internal static class StatusCommand
{
    public const string Footer = """
        Shows the backend, the policy version in force and when it was applied, the attached
        workloads, the identities, how full the backend's maps are, and decisions per policy since
        the version was applied. Needs root, like enforce.
        When AWS is configured (a region from --region, AWS_REGION, AWS_DEFAULT_REGION or the
        profile), also lists the EC2 instances with their ztap Security Groups; with -f it compares
        them with the policies and says which instances a cloud sync would change.
        Exit codes: 0 shown (also when nothing is enforced), 1 invalid policies, 2 usage error,
        3 a path does not exist, 5 AWS failure, 6 the host refused.

        Examples:
          ztap status
          ztap status -o json
          ztap status --backend nftables
          ztap status -f policies/ --region eu-west-1
        """;

    public static Command Create(CliConsole console, AwsEnvironment environment)
    {
        var options = new StatusOptions();
        var command = new Command("status", "Show what is enforced on this host and, when AWS is configured, on EC2.");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            EnforcementStatus? host = null;
            var hostExitCode = await EnforcementRun.ReportingFailuresAsync(console, async () =>
                host = await Backends.Installed(parseResult.GetValue(options.Backend)).StatusAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (host is null)
            {
                return hostExitCode;
            }

            var (aws, exitCode) = await CloudStatusQuery.RunAsync(parseResult, options, environment, console, cancellationToken).ConfigureAwait(false);
            IRenderer<StatusReport> renderer = parseResult.GetFormat(options.Output) == OutputFormat.Json
                ? new StatusJsonRenderer()
                : new StatusTableRenderer(console.OutPalette);
            renderer.Render(new StatusReport(host, aws), console.Out);
            return exitCode;
        });
        return command;
    }
}
