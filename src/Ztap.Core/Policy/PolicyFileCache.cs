using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Ztap.Core.Files;

namespace Ztap.Core.Policy;

/// <summary>
/// Policy files as last read, by path and SHA-256 of their bytes, for a reader that loads the same
/// folders again and again (the agent, on every change): only files whose bytes changed are decoded,
/// parsed and validated again, and a file whose settled stamp (<see cref="FileStamp"/>) is unchanged
/// is not even read. What a file's bytes give does not depend on any other file, so a hit is
/// exactly what reading it would give, as long as one cache serves loads with the same limits.
/// A changed file's policies that read the same as before (<see cref="PolicyEquality"/>) are the
/// objects read before, so a compiler building on the previous set sees only the edited ones.
/// Serves one load at a time.
/// </summary>
public sealed class PolicyFileCache
{
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private PolicyCombination? _combined;

    /// <summary>What the file gave when last read, when its stamp says it has not changed since.</summary>
    internal PolicyFileResult? Unchanged(string file, FileStamp? stamp) =>
        _files.TryGetValue(file, out var known) && known.Stamp is not null && known.Stamp == stamp ? known.Result : null;

    /// <summary>
    /// What <paramref name="parse"/> makes of the file's bytes, or what it made of the same bytes
    /// before; <paramref name="stamp"/> is the file's, taken before the bytes were read.
    /// </summary>
    internal PolicyFileResult Read(string file, FileStamp? stamp, ReadOnlySpan<byte> bytes, Func<ReadOnlySpan<byte>, PolicyFileResult> parse)
    {
        var settled = stamp?.IfSettled;
        var digest = SHA256.HashData(bytes);
        if (_files.TryGetValue(file, out var known) && known.Digest.AsSpan().SequenceEqual(digest))
        {
            _files[file] = known with { Stamp = settled };
            return known.Result;
        }

        var result = parse(bytes);
        if (known is not null)
        {
            KeepUnedited(known.Result, result);
        }

        _files[file] = new Entry(digest, result, settled);
        return result;
    }

    /// <summary>Puts the earlier reading's policy in place of each policy of the new one that reads the same.</summary>
    private static void KeepUnedited(PolicyFileResult earlier, PolicyFileResult result)
    {
        var before = new Dictionary<string, NetworkPolicy>(StringComparer.Ordinal);
        foreach (var document in earlier.Documents)
        {
            if (document.Policy is { } policy)
            {
                before.TryAdd(policy.QualifiedName, policy);
            }
        }

        for (var i = 0; i < result.Documents.Count; i++)
        {
            if (result.Documents[i].Policy is { } policy
                && before.TryGetValue(policy.QualifiedName, out var same)
                && PolicyEquality.Same(same, policy))
            {
                result.Documents[i] = result.Documents[i] with { Policy = same };
            }
        }
    }

    /// <summary>The files' results combined, building on the last load's combination.</summary>
    internal PolicyCombination Combine(ImmutableArray<string> files, PolicyFileResult[] results) =>
        _combined = _combined?.Update(files, results) ?? PolicyCombination.Of(files, results);

    /// <summary>Forgets every file but <paramref name="files"/>, so files that went away are not kept alive.</summary>
    internal void Keep(IReadOnlyCollection<string> files)
    {
        var kept = files.ToHashSet(StringComparer.Ordinal);
        foreach (var file in _files.Keys)
        {
            if (!kept.Contains(file))
            {
                _files.TryRemove(file, out _);
            }
        }
    }

    /// <param name="Stamp">The file's stamp when it was read, kept only when settled.</param>
    private sealed record Entry(byte[] Digest, PolicyFileResult Result, FileStamp? Stamp);
}
