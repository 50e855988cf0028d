using System.Diagnostics;
using Ztap.Enforcement.Ebpf;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>The ztap command run as its own process against a scene's pin root and state folder, as an operator runs it.</summary>
internal static class ZtapProcess
{
    public static Process Start(EbpfLocation location, params string[] arguments) =>
        Start(location, new Dictionary<string, string>(), arguments);

    /// <summary>Starts ztap with further environment variables, such as ZTAP_LOG_DIR.</summary>
    public static Process Start(EbpfLocation location, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartIn(null, location, environment, arguments);

    /// <summary>
    /// Starts ztap inside a network namespace file (/run/netns/NAME) when one is given, entered with
    /// nsenter, which keeps the cgroup and bpffs mounts visible (ip netns exec would remount /sys).
    /// </summary>
    public static Process StartIn(string? networkNamespace, EbpfLocation location, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        string[] command = ["dotnet", Path.Join(AppContext.BaseDirectory, "ztap.dll"), .. arguments];
        var start = new ProcessStartInfo(
            networkNamespace is null ? command[0] : "nsenter",
            networkNamespace is null ? command[1..] : [$"--net={networkNamespace}", .. command])
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

    /// <summary>Starts ztap and kills it (SIGKILL) after <paramref name="delayMs"/>, as a crash midway through would stop it.</summary>
    public static async Task KillAfterAsync(EbpfLocation location, int delayMs, params string[] arguments)
    {
        using var process = Start(location, arguments);
        await Task.Delay(delayMs);
        process.Kill();
        await process.WaitForExitAsync();
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
