using System.Diagnostics;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>Runs the commands that build a scene (ip), failing loudly with their output.</summary>
internal static class Shell
{
    public static string Run(string program, params string[] arguments)
    {
        var (code, output) = TryRun(program, arguments);
        return code == 0
            ? output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {code}:\n{output}");
    }

    public static (int ExitCode, string Output) TryRun(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors);
    }
}
