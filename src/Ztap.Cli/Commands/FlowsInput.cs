using Ztap.Anomaly.FlowFiles;
using Ztap.Cli.Output;

namespace Ztap.Cli.Commands;

/// <summary>Loads the flows of an anomaly verb, a CSV or a flow log, printing its problems like a compiler when it has any.</summary>
internal static class FlowsInput
{
    /// <summary>The file's rows, or null with the exit code to return: 3 when it does not exist, 1 when it is invalid.</summary>
    public static async Task<(FlowCsvReadResult? Flows, int ExitCode)> LoadAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputPaths.AllExist([path], console))
        {
            return (null, ExitCodes.IoFailure);
        }

        var result = await FlowLogFlows.IsFlowLogAsync(path, cancellationToken).ConfigureAwait(false)
            ? await FlowLogFlows.ReadFileAsync(path, cancellationToken).ConfigureAwait(false)
            : await FlowCsvReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        if (result.HasErrors)
        {
            DiagnosticText.WriteAll(result.Diagnostics, console.Error, console.ErrorPalette);
            console.Error.WriteLine($"{path}: {DiagnosticText.Count(result.Diagnostics)}; nothing was done");
            return (null, ExitCodes.InvalidOrDenied);
        }

        return (result, ExitCodes.Success);
    }
}
