using System.Diagnostics;
using Ztap.Enforcement.Ebpf;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>The ztap command run as its own process against a scene's pin root and state folder, as an operator runs it.</summary>
internal static class ZtapProcess
{
    public static Process Start(EbpfLocation location, params string[] arguments) =>
        Start(location, new Dictionary<string, string>(), arguments);

    /// <summary>Starts ztap with further environment variables, such as ZTAP_LOG_DIR.</summary>
    public static Process Start(EbpfLocation location, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Join(AppContext.BaseDirectory, "ztap.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ZTAP_PIN_ROOT"] = location.PinRoot;
        start.Environment["ZTAP_STATE_DIR"] = location.StateDirectory;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public static (int ExitCode, string Output) Run(EbpfLocation location, params string[] arguments)
    {
        using var process = Start(location, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors);
    }
}
