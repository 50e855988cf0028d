namespace Ztap.Cli.Commands;

/// <summary>
/// Checks that every input path exists before anything is read, so a mistyped path is one clear
/// line and exit code 3 rather than a parse problem further on.
/// </summary>
internal static class InputPaths
{
    public static bool AllExist(IEnumerable<string> paths, CliConsole console)
    {
        var allExist = true;
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                console.Error.WriteLine($"{console.ErrorPalette.Error("error:")} {path}: no such file or directory");
                allExist = false;
            }
        }

        return allExist;
    }
}
