namespace Ztap.Observability.FlowLog;

/// <summary>
/// Where the flow log lives: <c>/var/log/ztap/flows.jsonl</c>, or the folder named by
/// <c>ZTAP_LOG_DIR</c> so tests and several agents on one machine keep their logs apart.
/// </summary>
public sealed record FlowLogLocation(string Directory)
{
    public const string FileName = "flows.jsonl";
    public const string DefaultDirectory = "/var/log/ztap";
    public const string DirectoryVariable = "ZTAP_LOG_DIR";

    /// <summary>The file being written; rotated files sit beside it as <c>flows.jsonl.1</c>, <c>.2</c>, ….</summary>
    public string CurrentFile => Path.Combine(Directory, FileName);

    public static FlowLogLocation FromEnvironment()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        return new FlowLogLocation(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
    }
}
