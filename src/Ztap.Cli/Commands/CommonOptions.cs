using System.CommandLine;
using Ztap.Cli.Output;

namespace Ztap.Cli.Commands;

/// <summary>The options every verb spells the same way, kubectl-style.</summary>
internal static class CommonOptions
{
    public static Option<string[]> PolicyPaths()
    {
        var option = new Option<string[]>("--filename", "-f")
        {
            Description = "Policy file or folder of YAML files; repeat or list several.",
            HelpName = "PATH",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };

        // "-f a.yaml --typo" would otherwise read the misspelt option as one more path.
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}' (to name a file starting with '-', write ./{token.Value}).");
            }
        });
        return option;
    }

    public static Option<string> Output()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format (json: see docs/cli.md).",
            HelpName = "table|json",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }

    public static OutputFormat GetFormat(this ParseResult parseResult, Option<string> option) =>
        parseResult.GetValue(option) == "json" ? OutputFormat.Json : OutputFormat.Table;
}
