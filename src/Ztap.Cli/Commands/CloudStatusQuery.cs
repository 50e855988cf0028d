using System.CommandLine;
using Ztap.Cloud.Aws;
using Ztap.Cloud.Discovery;
using Ztap.Cloud.Status;
using Ztap.Cloud.Sync;

namespace Ztap.Cli.Commands;

/// <summary>
/// The AWS half of <c>ztap status</c>: skipped when AWS is not configured here (no region anywhere)
/// or <c>--no-cloud</c> is given; otherwise the instances and their ztap groups, compared with the
/// policies when <c>-f</c> names them. Reads only.
/// </summary>
internal static class CloudStatusQuery
{
    /// <summary>The status, or null with the exit code when it was skipped (0) or failed (1, 3, 5).</summary>
    public static async Task<(CloudStatus? Status, int ExitCode)> RunAsync(
        ParseResult parseResult, StatusOptions options, AwsEnvironment environment, CliConsole console, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(options.NoCloud))
        {
            return (null, ExitCodes.Success);
        }

        var connection = Ec2ClientFactory.Create(options.Aws.Settings(parseResult), environment);
        if (!connection.HasRegion)
        {
            return (null, ExitCodes.Success);
        }

        if (connection.Client is not { } client)
        {
            return (null, AwsFailures.Report(console, "connecting to AWS", connection.Error!));
        }

        using (client)
        {
            var policyPaths = parseResult.GetValue(options.Policies) ?? [];
            var inventoryPath = parseResult.GetValue(options.Inventory);
            if (!InputPaths.AllExist([.. policyPaths, .. inventoryPath is null ? Array.Empty<string>() : [inventoryPath]], console))
            {
                return (null, ExitCodes.IoFailure);
            }

            CloudStatus? status = null;
            var exitCode = await AwsFailures.RunAsync(console, $"reading Security Groups in {connection.Region}", async () =>
            {
                var discovery = new Ec2Discovery(client, options.Aws.Discovery(parseResult), connection.Region);
                var sync = new Ec2Sync(client);
                if (policyPaths.Length == 0)
                {
                    var discovered = await discovery.DiscoverAsync(cancellationToken).ConfigureAwait(false);
                    status = await sync.StatusAsync(connection.Region, discovered.Instances, null, SyncLimits.Default, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                var inputs = await CloudSyncInputs.LoadAsync(policyPaths, inventoryPath, discovery, console, cancellationToken).ConfigureAwait(false);
                if (inputs is null)
                {
                    return ExitCodes.InvalidOrDenied;
                }

                status = await sync.StatusAsync(connection.Region, inputs.Instances, inputs.PolicySet, SyncLimits.Default, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }).ConfigureAwait(false);
            return (status, exitCode);
        }
    }
}
