using System.Diagnostics;

namespace Ztap.Cli.Tests.Deploy;

public sealed class AgentUnitTests
{
    private const string InstalledBinary = "/usr/local/bin/ztap";

    [SystemdAnalyzeFact]
    public void The_agent_unit_passes_systemd_analyze_verify()
    {
        // verify checks that ExecStart's binary exists; point it at the ztap built with the tests.
        var unit = File.ReadAllText(RepositoryPaths.Of("deploy/ztap-agent.service"));
        Assert.Contains(InstalledBinary + " agent", unit, StringComparison.Ordinal);
        var directory = Directory.CreateTempSubdirectory("ztap-unit-");
        try
        {
            var path = Path.Join(directory.FullName, "ztap-agent.service");
            File.WriteAllText(path, unit.Replace(InstalledBinary, Path.Join(AppContext.BaseDirectory, "ztap"), StringComparison.Ordinal));
            using var process = Process.Start(new ProcessStartInfo(SystemdAnalyzeFactAttribute.Path!, ["verify", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, errors);
            Assert.Equal("", output.Result + errors);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_agent_unit_keeps_only_the_capabilities_enforcement_needs()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Of("deploy/ztap-agent.service"));

        Assert.Contains("CapabilityBoundingSet=CAP_BPF CAP_NET_ADMIN CAP_SYS_ADMIN", lines);
        Assert.Contains("NoNewPrivileges=yes", lines);
        Assert.Contains("ProtectSystem=strict", lines);
        Assert.Contains("Type=notify", lines);
    }
}
