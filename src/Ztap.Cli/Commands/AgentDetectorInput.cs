using Ztap.Anomaly;
using Ztap.Anomaly.Forest;
using Ztap.Anomaly.Geo;
using Ztap.Anomaly.Model;
using Ztap.Cli.Agent;

namespace Ztap.Cli.Commands;

/// <summary>
/// Loads the agent's detector from <c>--anomaly-model</c> and <c>--anomaly-rules</c> as
/// <c>ztap anomaly score</c> builds its own: the forest, joined by the rule detector when rules are given.
/// </summary>
internal static class AgentDetectorInput
{
    /// <summary>The detector (null when no model was given), or the exit code to return: 3 when a file does not exist, 1 when one is invalid.</summary>
    public static async Task<(AgentDetector? Detector, CountryDatabase? Countries, int ExitCode)> LoadAsync(
        string? modelPath, string? rulesPath, CliConsole console, CancellationToken cancellationToken)
    {
        if (modelPath is null)
        {
            return (null, null, ExitCodes.Success);
        }

        if (!InputPaths.AllExist([modelPath], console))
        {
            return (null, null, ExitCodes.IoFailure);
        }

        var (model, error) = await ModelFile.LoadAsync(modelPath, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {modelPath}: {error}");
            return (null, null, ExitCodes.InvalidOrDenied);
        }

        var forest = new ForestDetector(model);
        if (rulesPath is null)
        {
            return (new AgentDetector("forest", forest), null, ExitCodes.Success);
        }

        var (rules, countries, exitCode) = await RulesInput.LoadAsync(rulesPath, console, cancellationToken).ConfigureAwait(false);
        return rules is null
            ? (null, null, exitCode)
            : (new AgentDetector("combined", new CombinedDetector([forest, rules])), countries, ExitCodes.Success);
    }
}
