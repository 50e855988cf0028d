namespace Ztap.Cli.Tests.Deploy;

/// <summary>A test that runs systemd-analyze; skipped with the reason where it is not installed.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public static readonly string? Path = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);

    public SystemdAnalyzeFactAttribute()
    {
        if (Path is null)
        {
            Skip = "systemd-analyze is not installed (Debian package systemd)";
        }
    }
}
