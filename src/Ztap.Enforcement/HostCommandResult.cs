namespace Ztap.Enforcement;

/// <summary>How a host tool ended and what it printed.</summary>
internal sealed record HostCommandResult(int ExitCode, string Output, string Errors)
{
    /// <summary>The first lines of the tool's complaint, enough to say why without flooding the terminal.</summary>
    public string Reason => string.Join("\n", Errors.Trim().Split('\n').Take(8));
}
