using System.CommandLine;
using Ztap.Cli.Output;
using Ztap.Core.Policy;

namespace Ztap.Cli.Commands;

/// <summary>
/// <c>ztap validate</c>: reads and validates policies and prints every problem like a compiler.
/// Exit 0 when valid (warnings allowed), 1 when any error, 3 when a path does not exist.
/// </summary>
internal static class ValidateCommand
{
    public const string Footer = """
        Exit codes: 0 valid (warnings allowed), 1 any error, 2 usage error, 3 a path does not exist.

        Examples:
          ztap validate -f examples/policies examples/kubernetes
          ztap validate -f web.yaml -f db.yaml -o json
        """;

    public static Command Create(CliConsole console)
    {
        var paths = CommonOptions.PolicyPaths();
        var output = CommonOptions.Output();
        var command = new Command("validate", "Check policy files and print every problem found, like a compiler.")
        {
            paths,
            output,
        };

        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetRequiredValue(paths), parseResult.GetFormat(output), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, OutputFormat format, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputPaths.AllExist(paths, console))
        {
            return ExitCodes.IoFailure;
        }

        var result = await PolicyLoader.LoadAsync(paths, cancellationToken).ConfigureAwait(false);
        var report = new ValidationReport(result);
        IRenderer<ValidationReport> renderer = format == OutputFormat.Json
            ? new ValidateJsonRenderer()
            : new ValidateTableRenderer(console.OutPalette);
        renderer.Render(report, console.Out);
        return report.IsValid ? ExitCodes.Success : ExitCodes.InvalidOrDenied;
    }
}
