using System.CommandLine;
using Ztap.Cloud.Aws;

namespace Ztap.Cli.Commands;

/// <summary><c>ztap cloud</c>: the AWS verbs, discover and sync.</summary>
internal static class CloudCommand
{
    public static (Command Cloud, Command Discover, Command Sync) Create(CliConsole console, AwsEnvironment environment)
    {
        var discover = CloudDiscoverCommand.Create(console, environment);
        var sync = CloudSyncCommand.Create(console, environment);
        var cloud = new Command("cloud", "Enforce policies on AWS: discover EC2 instances, sync Security Groups.") { discover, sync };
        return (cloud, discover, sync);
    }
}
