using System.CommandLine;
using Ztap.Cli.Output;
using Ztap.Cloud.Aws;
using Ztap.Cloud.Discovery;

namespace Ztap.Cli.Commands;

/// <summary><c>ztap cloud discover</c>: lists the running and pending EC2 instances as workloads, with labels and addresses.</summary>
internal static class CloudDiscoverCommand
{
    public const string Footer = """
        Labels come from instance tags, with the prefix (--tag-prefix, default ztap:) stripped; the
        namespace from the tag ztap:namespace (default "default"); named ports from ztap:ports
        (http=8080,dns=53/UDP). Tags that cannot be labels are reported as warnings.
        Exit codes: 0 success, 1 a tag makes an instance unusable, 2 usage error, 5 AWS failure.

        Examples:
          ztap cloud discover --region eu-west-1
          AWS_PROFILE=prod ztap cloud discover -o json
        """;

    public static Command Create(CliConsole console, AwsEnvironment environment)
    {
        var aws = new AwsOptions();
        var output = CommonOptions.Output();
        var command = new Command("discover", "List EC2 instances as workloads: namespace, labels, addresses, VPC.") { output };
        foreach (var option in aws.All)
        {
            command.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(aws.Settings(parseResult), aws.Discovery(parseResult), parseResult.GetFormat(output), environment, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        AwsSettings settings, DiscoveryOptions options, OutputFormat format, AwsEnvironment environment, CliConsole console, CancellationToken cancellationToken)
    {
        var connection = Ec2ClientFactory.Create(settings, environment);
        if (connection.Client is not { } client)
        {
            return AwsFailures.Report(console, "connecting to AWS", connection.Error!);
        }

        using (client)
        {
            return await AwsFailures.RunAsync(console, $"discovering instances in {connection.Region}", async () =>
            {
                var result = await new Ec2Discovery(client, options, connection.Region).DiscoverAsync(cancellationToken).ConfigureAwait(false);
                IRenderer<DiscoveryReport> renderer = format == OutputFormat.Json ? new DiscoverJsonRenderer() : new DiscoverTableRenderer();
                renderer.Render(new DiscoveryReport(connection.Region, result), console.Out);
                if (format == OutputFormat.Table)
                {
                    DiagnosticText.WriteAll(result.Diagnostics, console.Error, console.ErrorPalette);
                }

                return result.HasErrors ? ExitCodes.InvalidOrDenied : ExitCodes.Success;
            }).ConfigureAwait(false);
        }
    }
}
