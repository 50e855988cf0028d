namespace Ztap.Observability.FlowLog;

/// <summary>
/// How much disk the flow log may use: the current file grows to <see cref="MaxFileBytes"/>, then is
/// rotated to <c>flows.jsonl.1</c> (older files move up one), and only <see cref="KeptFiles"/> rotated
/// files are kept. At most (KeptFiles + 1) × MaxFileBytes, plus one line.
/// </summary>
public sealed record FlowLogLimits(long MaxFileBytes = FlowLogLimits.DefaultMaxFileBytes, int KeptFiles = FlowLogLimits.DefaultKeptFiles)
{
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;
    public const int DefaultKeptFiles = 4;
}
