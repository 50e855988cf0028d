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

    /// <summary>The n-th rotated file, 1 being the newest.</summary>
    public string RotatedFile(int n) => $"{CurrentFile}.{n}";

    /// <summary>Every file of the log that exists, oldest first, the current file last.</summary>
    public IReadOnlyList<string> FilesOldestFirst()
    {
        var rotated = new List<string>();
        for (var n = 1; File.Exists(RotatedFile(n)); n++)
        {
            rotated.Add(RotatedFile(n));
        }

        rotated.Reverse();
        if (File.Exists(CurrentFile))
        {
            rotated.Add(CurrentFile);
        }

        return rotated;
    }

    public static FlowLogLocation FromEnvironment()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        return new FlowLogLocation(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
    }
}
