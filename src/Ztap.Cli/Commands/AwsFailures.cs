using Amazon.Runtime;

namespace Ztap.Cli.Commands;

/// <summary>
/// Runs AWS work and turns AWS saying no (after the SDK's retries) or not answering into one line
/// on standard error and exit code 5, never a stack trace.
/// </summary>
internal static class AwsFailures
{
    public static async Task<int> RunAsync(CliConsole console, string doing, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (AmazonServiceException exception)
        {
            return Report(console, doing, $"{exception.ErrorCode}: {exception.Message}");
        }
        catch (AmazonClientException exception)
        {
            return Report(console, doing, exception.Message);
        }
        catch (HttpRequestException exception)
        {
            return Report(console, doing, exception.Message);
        }
    }

    public static int Report(CliConsole console, string doing, string message)
    {
        console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {doing}: {message}");
        return ExitCodes.AwsFailure;
    }
}
