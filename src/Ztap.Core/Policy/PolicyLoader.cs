using System.Text;
using Ztap.Core.Diagnostics;
using Ztap.Core.Files;
using Ztap.Core.Yaml;

namespace Ztap.Core.Policy;

/// <summary>
/// Reads and validates policies from files, folders or text. Files are parsed in parallel, but
/// the result is always in path order, then document order, and lists every problem found.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Loads every policy under <paramref name="paths"/> (files, or folders searched for .yaml and .yml files).</summary>
    public static Task<PolicyLoadResult> LoadAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        LoadAsync(paths, InputLimits.Default, cancellationToken);

    /// <summary>Loads every policy under <paramref name="paths"/>, refusing input beyond <paramref name="limits"/>.</summary>
    public static Task<PolicyLoadResult> LoadAsync(
        IReadOnlyList<string> paths, InputLimits limits, CancellationToken cancellationToken) =>
        LoadAsync(paths, limits, cache: null, cancellationToken);

    /// <summary>
    /// Loads like <see cref="LoadAsync(IReadOnlyList{string}, InputLimits, CancellationToken)"/>,
    /// parsing again only the files whose text <paramref name="cache"/> has not seen, and reading
    /// only those whose stamp changed or was too recent to vouch for them.
    /// </summary>
    public static async Task<PolicyLoadResult> LoadAsync(
        IReadOnlyList<string> paths, InputLimits limits, PolicyFileCache? cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(limits);
        var diagnostics = new DiagnosticBag();
        var files = PolicyFiles.Expand(paths, diagnostics);
        var results = new PolicyFileResult[files.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Length), options, (index, token) =>
        {
            results[index] = ReadFile(files[index], limits, cache, token);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        cache?.Keep(files);
        return Combine(results, diagnostics, cache?.Combine(files, results) ?? PolicyCombination.Of(files, results));
    }

    /// <summary>Reads policies from text already in memory (standard input, tests); <paramref name="fileName"/> names it in diagnostics.</summary>
    public static PolicyLoadResult Parse(string text, string fileName, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        var diagnostics = new List<Diagnostic>();
        PolicyFileResult[] results = [new PolicyFileResult(PolicyFileReader.Read(Encoding.UTF8.GetBytes(text), fileName, limits, diagnostics), diagnostics)];
        return Combine(results, new DiagnosticBag(), PolicyCombination.Of([fileName], results));
    }

    private static PolicyFileResult ReadFile(string file, InputLimits limits, PolicyFileCache? cache, CancellationToken cancellationToken)
    {
        var stamp = cache is null ? null : FileStamp.Of(file);
        if (cache?.Unchanged(file, stamp) is { } unchanged)
        {
            return unchanged;
        }

        var readDiagnostics = new List<Diagnostic>();
        Func<ReadOnlySpan<byte>, PolicyFileResult> parse = bytes =>
        {
            var diagnostics = new List<Diagnostic>();
            return new PolicyFileResult(PolicyFileReader.Read(bytes, file, limits, diagnostics), diagnostics);
        };
        return YamlFile.Read(file, limits, readDiagnostics, cancellationToken, bytes => cache is null ? parse(bytes) : cache.Read(file, stamp, bytes, parse))
            ?? new PolicyFileResult([], readDiagnostics);
    }

    private static PolicyLoadResult Combine(PolicyFileResult[] files, DiagnosticBag diagnostics, PolicyCombination combined)
    {
        foreach (var file in files)
        {
            diagnostics.AddRange(file.Diagnostics);
        }

        diagnostics.AddRange(combined.Duplicates);
        return new PolicyLoadResult(combined.Policies, diagnostics.ToImmutableSorted());
    }
}
