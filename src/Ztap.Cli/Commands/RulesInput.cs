using Ztap.Anomaly.Geo;
using Ztap.Anomaly.Rules;
using Ztap.Cli.Output;

namespace Ztap.Cli.Commands;

/// <summary>
/// Loads the rule detector of <c>--rules FILE</c>: its YAML, and the country database it names, a relative
/// path being taken from the rules file's folder so the two can travel together.
/// </summary>
internal static class RulesInput
{
    /// <summary>The detector, or null with the exit code to return: 3 when a file does not exist, 1 when one is invalid.</summary>
    public static async Task<(RuleDetector? Rules, CountryDatabase? Countries, int ExitCode)> LoadAsync(
        string path, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputPaths.AllExist([path], console))
        {
            return (null, null, ExitCodes.IoFailure);
        }

        var result = await RuleConfigReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        if (result.Config is not { } config)
        {
            DiagnosticText.WriteAll(result.Diagnostics, console.Error, console.ErrorPalette);
            return (null, null, ExitCodes.InvalidOrDenied);
        }

        if (config.GeoDatabase is null)
        {
            return (new RuleDetector(config), null, ExitCodes.Success);
        }

        var database = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, config.GeoDatabase);
        if (!InputPaths.AllExist([database], console))
        {
            return (null, null, ExitCodes.IoFailure);
        }

        if (CountryDatabase.Open(database, out var error) is not { } countries)
        {
            console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {error}");
            return (null, null, ExitCodes.InvalidOrDenied);
        }

        return (new RuleDetector(config, countries), countries, ExitCodes.Success);
    }
}
