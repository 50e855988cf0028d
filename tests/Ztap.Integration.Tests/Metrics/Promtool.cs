using System.Diagnostics;

namespace Ztap.Integration.Tests.Metrics;

/// <summary>Prometheus' own linter for an exposition: <c>promtool check metrics</c> reads it on standard input.</summary>
internal static class Promtool
{
    public const string Binary = "/usr/bin/promtool";

    public static (int ExitCode, string Output) CheckMetrics(string exposition)
    {
        using var process = Process.Start(new ProcessStartInfo(Binary, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(exposition);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
