using Ztap.Enforcement;

namespace Ztap.Cli.Commands;

/// <summary>
/// Runs a backend call and turns its refusal into one clear message and an exit code: 1 when the
/// input cannot be enforced as given, 6 when the host refused.
/// </summary>
internal static class EnforcementRun
{
    public static async Task<int> ReportingFailuresAsync(CliConsole console, Func<Task> run)
    {
        try
        {
            await run().ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (EnforcementException exception)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {exception.Message}");
            return exception.Failure is EnforcementFailure.InvalidInput or EnforcementFailure.CapacityExceeded
                ? ExitCodes.InvalidOrDenied
                : ExitCodes.EnforcementFailed;
        }
    }
}
