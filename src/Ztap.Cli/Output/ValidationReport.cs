using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary>What <c>ztap validate</c> found: the loaded policies, every diagnostic, and how many files they came from.</summary>
internal sealed record ValidationReport(PolicyLoadResult Result)
{
    /// <summary>Files that held a policy or a problem; a folder counts as the files inside it.</summary>
    public int FileCount => Result.Policies.Select(p => p.Origin.File)
        .Concat(Result.Diagnostics.Select(d => d.Location.File))
        .Distinct(StringComparer.Ordinal)
        .Count();

    public bool IsValid => !Result.HasErrors;
}
