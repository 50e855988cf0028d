using System.CommandLine;
using Ztap.Cloud.Sync;

namespace Ztap.Cli.Commands;

/// <summary>The options of <c>ztap cloud sync</c>.</summary>
internal sealed class CloudSyncOptions
{
    public Option<string[]> Policies { get; } = CommonOptions.PolicyPaths();

    public Option<string> Inventory { get; } = new("--inventory", "-i")
    {
        Description = "On-prem inventory file; EC2 instances join its workloads, so policies can connect both.",
        HelpName = "FILE",
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Print the plan and change nothing.",
    };

    public Option<int> MaxRulesPerGroup { get; } = new("--max-rules-per-group")
    {
        Description = "Inbound (and outbound) rules a Security Group may have in this account.",
        HelpName = "N",
        DefaultValueFactory = _ => SyncLimits.Default.RulesPerGroup,
    };

    public Option<int> MaxGroupsPerInterface { get; } = new("--max-groups-per-interface")
    {
        Description = "Security Groups a network interface may have in this account.",
        HelpName = "N",
        DefaultValueFactory = _ => SyncLimits.Default.GroupsPerInterface,
    };

    public Option<string> Output { get; } = CommonOptions.Output();

    public AwsOptions Aws { get; } = new();

    public IEnumerable<Option> All => [Policies, Inventory, DryRun, Output, MaxRulesPerGroup, MaxGroupsPerInterface, .. Aws.All];

    public SyncLimits Limits(ParseResult parseResult) =>
        new(parseResult.GetValue(MaxRulesPerGroup), parseResult.GetValue(MaxGroupsPerInterface));
}
