using Ztap.Cli.Output;
using Ztap.Cloud.Sync;

namespace Ztap.Cli.Commands;

/// <summary>
/// The end of <c>ztap cloud sync</c>: show the plan, refuse it when it has errors, apply it unless
/// it is a dry run, and say how it went. People see the plan before the first change is made;
/// programs get one JSON document at the end.
/// </summary>
internal static class SyncRun
{
    public static async Task<int> ApplyAsync(Ec2Sync sync, SyncReport report, OutputFormat format, CliConsole console, CancellationToken cancellationToken)
    {
        var table = new SyncTableRenderer(console.OutPalette);
        if (format == OutputFormat.Table)
        {
            table.Render(report, console.Out);
        }

        foreach (var error in report.Plan.Errors)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {error}");
        }

        var (final, exitCode) = await RunAsync(sync, report, console, cancellationToken).ConfigureAwait(false);
        if (format == OutputFormat.Json)
        {
            new SyncJsonRenderer().Render(final, console.Out);
        }
        else
        {
            table.RenderOutcome(final, console.Out);
        }

        return exitCode;
    }

    private static async Task<(SyncReport, int)> RunAsync(Ec2Sync sync, SyncReport report, CliConsole console, CancellationToken cancellationToken)
    {
        if (!report.Plan.CanApply)
        {
            console.Error.WriteLine($"{Plural.Of(report.Plan.Errors.Length, "error")}; nothing was changed");
            return (report, ExitCodes.InvalidOrDenied);
        }

        if (report.DryRun || report.Plan.IsEmpty)
        {
            return (report, ExitCodes.Success);
        }

        try
        {
            var result = await sync.ApplyAsync(report.Plan, cancellationToken).ConfigureAwait(false);
            return (report with { Applied = result.Applied, Postponed = result.Postponed }, ExitCodes.Success);
        }
        catch (SyncApplyException failure)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {failure.Message}");
            console.Error.WriteLine("access is no wider than before or after this sync; run it again to finish");
            return (report with { Applied = failure.StepNumber - 1, Failure = failure }, ExitCodes.AwsFailure);
        }
    }
}
