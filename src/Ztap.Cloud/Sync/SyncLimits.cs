namespace Ztap.Cloud.Sync;

/// <summary>
/// The EC2 quotas a plan must fit, checked before anything is applied. The defaults are AWS's;
/// accounts that had them raised pass their own.
/// </summary>
/// <param name="RulesPerGroup">Inbound, and separately outbound, rules per group; counted per address family as AWS does.</param>
/// <param name="GroupsPerInterface">Security Groups on one network interface.</param>
public sealed record SyncLimits(int RulesPerGroup = 60, int GroupsPerInterface = 5)
{
    public static SyncLimits Default { get; } = new();
}
