namespace Ztap.Cli;

/// <summary>What <c>ztap</c> tells the shell; scripts depend on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work: input valid, flow allowed.</summary>
    public const int Success = 0;

    /// <summary>The thing checked is invalid (policies, inventory, flows file) or the flow is denied.</summary>
    public const int InvalidOrDenied = 1;

    /// <summary>The command line itself is wrong: unknown option, missing value, bad argument.</summary>
    public const int Usage = 2;

    /// <summary>The OS said no: a file that does not exist or cannot be read.</summary>
    public const int IoFailure = 3;

    /// <summary>A bug in ztap; the message asks for a report.</summary>
    public const int InternalError = 4;

    /// <summary>AWS said no or could not be asked: no region or credentials, an API error after retries, an endpoint not answering.</summary>
    public const int AwsFailure = 5;

    /// <summary>The host refused to enforce: not root, a missing capability, no cgroup v2 or BPF, a kernel error.</summary>
    public const int EnforcementFailed = 6;

    /// <summary>Interrupted (Ctrl-C), as shells report a process ended by SIGINT.</summary>
    public const int Cancelled = 130;
}
