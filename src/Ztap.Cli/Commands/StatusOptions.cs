using System.CommandLine;

namespace Ztap.Cli.Commands;

/// <summary>
/// The options of <c>ztap status</c>: the output format and backend, and for the AWS part of the hybrid view,
/// where AWS is and, optionally, the policies to compare its Security Groups with.
/// </summary>
internal sealed class StatusOptions
{
    public Option<string> Output { get; } = CommonOptions.Output();

    public Option<string> Backend { get; } = Backends.Option(withAuto: false, "The backend to ask (default: the one the last enforce used).");

    public Option<string[]> Policies { get; } = ComparedPolicies();

    public Option<string> Inventory { get; } = new("--inventory", "-i")
    {
        Description = "On-prem inventory file the policies were synced with (as for cloud sync).",
        HelpName = "FILE",
    };

    public Option<bool> NoCloud { get; } = new("--no-cloud")
    {
        Description = "Show this host only, even when AWS is configured.",
    };

    public AwsOptions Aws { get; } = new();

    public IEnumerable<Option> All => [Output, Backend, Policies, Inventory, NoCloud, .. Aws.All];

    private static Option<string[]> ComparedPolicies()
    {
        var option = CommonOptions.PolicyPaths();
        option.Required = false;
        option.Description = "Policies to compare EC2's Security Groups with, to say which instances are in sync.";
        return option;
    }
}
