using System.Collections.Immutable;
using Ztap.Cloud.Sync;

namespace Ztap.Cli.Output;

/// <summary>
/// What <c>ztap cloud sync</c> prints: the plan and, once it ran, how far applying got. Applied is
/// null when nothing was applied (dry run, in sync, or a plan with errors).
/// </summary>
internal sealed record SyncReport(string Region, SyncPlan Plan, bool DryRun)
{
    public int? Applied { get; init; }

    public ImmutableArray<string> Postponed { get; init; } = [];

    public SyncApplyException? Failure { get; init; }
}
