using System.Diagnostics;

namespace Ztap.Integration.Tests.Scenes;

/// <summary>The traffic probe (Probe/ztap-probe.c), compiled with the system's clang once per test run.</summary>
public sealed class ProbeBinary : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-probe-").FullName;

    public ProbeBinary()
    {
        Path = System.IO.Path.Join(_directory, "ztap-probe");
        if (!Environment.IsPrivilegedProcess)
        {
            return;
        }

        var source = System.IO.Path.Join(AppContext.BaseDirectory, "Probe", "ztap-probe.c");
        using var clang = Process.Start(new ProcessStartInfo("clang", ["-O2", "-Wall", "-Werror", "-o", Path, source]) { RedirectStandardError = true })!;
        var errors = clang.StandardError.ReadToEnd();
        clang.WaitForExit();
        if (clang.ExitCode != 0)
        {
            throw new InvalidOperationException($"compiling {source} failed (scripts/install-deps.sh installs clang):\n{errors}");
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
