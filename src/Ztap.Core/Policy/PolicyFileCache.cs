using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Policy;

/// <summary>
/// Policy files as last read, by path and SHA-256 of their text, for a reader that loads the same
/// folders again and again (the agent, on every change): only files whose text changed are parsed
/// and validated again. What a file's text gives does not depend on any other file, so a hit is
/// exactly what reading it would give, as long as one cache serves loads with the same limits.
/// </summary>
public sealed class PolicyFileCache
{
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);

    /// <summary>The file's documents and diagnostics, read from <paramref name="text"/> or remembered from an earlier read of the same text.</summary>
    internal (List<PolicyDocument> Documents, List<Diagnostic> Diagnostics) Read(string file, string text, Func<(List<PolicyDocument>, List<Diagnostic>)> parse)
    {
        var digest = SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()));
        if (_files.TryGetValue(file, out var known) && known.Digest.AsSpan().SequenceEqual(digest))
        {
            return (known.Documents, known.Diagnostics);
        }

        var (documents, diagnostics) = parse();
        _files[file] = new Entry(digest, documents, diagnostics);
        return (documents, diagnostics);
    }

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

    private sealed record Entry(byte[] Digest, List<PolicyDocument> Documents, List<Diagnostic> Diagnostics);
}
