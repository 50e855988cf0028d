using System.CommandLine;
using Ztap.Cli.Output;
using Ztap.Cloud.Aws;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.Sync;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap cloud sync</c>: plans the Security Group changes that enforce the policies on EC2, prints
/// the plan, and applies it unless <c>--dry-run</c>. A plan with errors is never applied.
/// </summary>
internal static class CloudSyncCommand
{
    public const string Footer = """
        One Security Group per policy and VPC (ztap-<namespace>/<name>, tagged ztap:managed=true), on
        the instances the policy selects, next to their other groups. Only ztap's groups are changed.
        The plan narrows before it widens, so a failure part way never allows more than the policies
        before or after; running sync again finishes it. See docs/aws.md for what maps how.
        Exit codes: 0 in sync or applied, 1 invalid input or a plan that cannot be applied exactly,
        2 usage error, 3 a path does not exist, 5 AWS failure.

        Examples:
          ztap cloud sync -f policies/ --region eu-west-1 --dry-run
          ztap cloud sync -f policies/ -i onprem.yaml -o json
        """;

    public static Command Create(CliConsole console, AwsEnvironment environment)
    {
        var options = new CloudSyncOptions();
        var command = new Command("sync", "Make the Security Groups of EC2 instances enforce the policies; --dry-run shows the plan only.");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, environment, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CloudSyncOptions options, AwsEnvironment environment, CliConsole console, CancellationToken cancellationToken)
    {
        var policyPaths = parseResult.GetRequiredValue(options.Policies);
        var inventoryPath = parseResult.GetValue(options.Inventory);
        if (!InputPaths.AllExist([.. policyPaths, .. inventoryPath is null ? Array.Empty<string>() : [inventoryPath]], console))
        {
            return ExitCodes.IoFailure;
        }

        var connection = Ec2ClientFactory.Create(options.Aws.Settings(parseResult), environment);
        if (connection.Client is not { } client)
        {
            return AwsFailures.Report(console, "connecting to AWS", connection.Error!);
        }

        using (client)
        {
            var discovery = new Ec2Discovery(client, options.Aws.Discovery(parseResult), connection.Region);
            var dryRun = parseResult.GetValue(options.DryRun);
            var format = parseResult.GetFormat(options.Output);
            return await AwsFailures.RunAsync(console, $"syncing Security Groups in {connection.Region}", async () =>
            {
                var inputs = await CloudSyncInputs.LoadAsync(policyPaths, inventoryPath, discovery, console, cancellationToken).ConfigureAwait(false);
                if (inputs is null)
                {
                    return ExitCodes.InvalidOrDenied;
                }

                var sync = new Ec2Sync(client);
                var plan = await sync.PlanAsync(inputs.PolicySet, inputs.Instances, options.Limits(parseResult), cancellationToken).ConfigureAwait(false);
                return await SyncRun.ApplyAsync(sync, new SyncReport(connection.Region, plan, dryRun), format, console, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
    }
}
