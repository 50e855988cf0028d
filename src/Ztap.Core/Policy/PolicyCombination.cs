using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Policy;

/// <summary>
/// The policies of a load's files in path order, then document order, with policy names unique per
/// namespace across all of them: the first definition wins and every later one is an error that
/// points back at it. A reader that loads the same files again (the agent) updates the last
/// combination for the files whose results changed instead of indexing every name again.
/// </summary>
internal sealed class PolicyCombination
{
    private readonly ImmutableArray<string> _files;
    private readonly PolicyFileResult[] _results;

    // Each policy name's first definition; only kept up to date while no name is defined twice.
    private readonly Dictionary<string, SourceLocation> _first;

    private PolicyCombination(
        ImmutableArray<string> files,
        PolicyFileResult[] results,
        Dictionary<string, SourceLocation> first,
        ImmutableArray<NetworkPolicy> policies,
        List<Diagnostic> duplicates)
    {
        _files = files;
        _results = results;
        _first = first;
        Policies = policies;
        Duplicates = duplicates;
    }

    public ImmutableArray<NetworkPolicy> Policies { get; }

    /// <summary>An error for each definition of a name defined before.</summary>
    public List<Diagnostic> Duplicates { get; }

    /// <summary>Combines the files' results, indexing every name.</summary>
    public static PolicyCombination Of(ImmutableArray<string> files, PolicyFileResult[] results)
    {
        var count = results.Sum(result => result.Documents.Count);
        var first = new Dictionary<string, SourceLocation>(count, StringComparer.Ordinal);
        var policies = ImmutableArray.CreateBuilder<NetworkPolicy>(count);
        var duplicates = new List<Diagnostic>();
        foreach (var document in results.SelectMany(result => result.Documents))
        {
            if (document.QualifiedName is { } name && !first.TryAdd(name, document.NameLocation))
            {
                duplicates.Add(new Diagnostic(
                    Severity.Error, document.NameLocation, name, "metadata.name",
                    $"policy {name} is defined twice; the first definition is at {first[name]}"));
                continue;
            }

            if (document.Policy is { } policy)
            {
                policies.Add(policy);
            }
        }

        return new PolicyCombination(files, results, first, policies.DrainToImmutable(), duplicates);
    }

    /// <summary>
    /// The combination of the same files with some results changed. Only the changed files' names
    /// are taken out of the index and put back; when this combination had duplicates, the files
    /// are others or a changed file brings one, every name is indexed again. Takes over this
    /// combination's index, so this one is not to be used afterwards.
    /// </summary>
    public PolicyCombination Update(ImmutableArray<string> files, PolicyFileResult[] results)
    {
        if (Duplicates.Count > 0 || !files.SequenceEqual(_files))
        {
            return Of(files, results);
        }

        var changed = Enumerable.Range(0, results.Length).Where(i => !ReferenceEquals(results[i], _results[i])).ToList();
        foreach (var file in changed)
        {
            foreach (var document in _results[file].Documents)
            {
                if (document.QualifiedName is { } name)
                {
                    _first.Remove(name);
                }
            }
        }

        foreach (var file in changed)
        {
            foreach (var document in results[file].Documents)
            {
                if (document.QualifiedName is { } name && !_first.TryAdd(name, document.NameLocation))
                {
                    return Of(files, results);
                }
            }
        }

        var policies = ImmutableArray.CreateBuilder<NetworkPolicy>(Policies.Length);
        foreach (var result in results)
        {
            policies.AddRange(result.Policies.AsSpan());
        }

        return new PolicyCombination(files, results, _first, policies.DrainToImmutable(), []);
    }
}
