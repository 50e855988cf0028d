namespace Ztap.Cli.Tests;

/// <summary>
/// Runs <c>ztap</c> in-process with captured output, the way a user runs it from the repository
/// root: arguments may name repository files by relative path, and the root is cut from what is
/// printed so that output reads the same on every machine.
/// </summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var resolved = args.Select(Resolve).ToArray();
        var exitCode = await ZtapCommandLine.RunAsync(resolved, CliConsole.Plain(output, error), CancellationToken.None);
        return new CliRun(exitCode, Relative(output.ToString()), Relative(error.ToString()));
    }

    /// <summary>Arguments that name an existing repository path become absolute; everything else is passed as is.</summary>
    private static string Resolve(string argument)
    {
        if (argument.StartsWith('-'))
        {
            return argument;
        }

        var candidate = RepositoryPaths.Of(argument);
        return File.Exists(candidate) || Directory.Exists(candidate)
            ? candidate
            : argument;
    }

    private static string Relative(string text) => text.Replace(RepositoryPaths.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
}
