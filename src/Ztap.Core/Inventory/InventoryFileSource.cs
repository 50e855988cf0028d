using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Ztap.Core.Diagnostics;
using Ztap.Core.Files;
using Ztap.Core.Yaml;

namespace Ztap.Core.Inventory;

/// <summary>
/// Workloads and namespaces read from a YAML inventory file: <c>namespaces</c> with their labels,
/// and <c>workloads</c> with namespace, addresses, labels and named ports.
/// </summary>
public sealed class InventoryFileSource : IInventorySource
{
    private readonly string _path;
    private readonly InputLimits _limits;

    public InventoryFileSource(string path, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _limits = limits ?? InputLimits.Default;
    }

    public string Description => _path;

    /// <summary>
    /// Reads the file on the thread pool, so a caller can load policies meanwhile; a missing or
    /// invalid file gives an empty inventory and the diagnostics saying why.
    /// </summary>
    public Task<InventoryLoadResult> LoadAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Load(previous: null, keepDigest: false, cancellationToken), cancellationToken);

    /// <summary>
    /// Reads the file like <see cref="LoadAsync(CancellationToken)"/>, but hands back
    /// <paramref name="previous"/> itself when the file holds the bytes it was read from (by
    /// SHA-256), so a long-running reader pays for hashing, not for parsing, when only policies
    /// changed, and a compiler handed the same inventory object can reuse what it derived from it.
    /// When the file's settled stamp (<see cref="FileStamp"/>) is the one it had then, it is not
    /// even read. When the file changed, the workloads whose list items are unchanged are taken as
    /// they were read (<see cref="WorkloadTexts"/>). The result carries the digest, stamp and
    /// workload texts for the next call.
    /// </summary>
    public Task<InventoryLoadResult> LoadAsync(InventoryLoadResult? previous, CancellationToken cancellationToken) =>
        Task.Run(() => Load(previous, keepDigest: true, cancellationToken), cancellationToken);

    private InventoryLoadResult Load(InventoryLoadResult? previous, bool keepDigest, CancellationToken cancellationToken)
    {
        var stamp = keepDigest ? FileStamp.Of(_path) : null;
        if (previous?.SourceStamp is { } known && known == stamp)
        {
            return previous;
        }

        var settled = stamp?.IfSettled;
        var diagnostics = new List<Diagnostic>();
        return YamlFile.Read(_path, _limits, diagnostics, cancellationToken, bytes =>
        {
            if (!keepDigest)
            {
                return InventoryReader.Read(bytes, _path, _limits);
            }

            var digest = SHA256.HashData(bytes);
            return previous is not null && previous.SourceDigest.AsSpan().SequenceEqual(digest)
                ? (previous.SourceStamp == settled ? previous : previous with { SourceStamp = settled })
                : InventoryReader.Read(bytes, _path, _limits, previous?.WorkloadTexts, keepTexts: true) with { SourceDigest = ImmutableArray.Create(digest), SourceStamp = settled };
        }) ?? new InventoryLoadResult(WorkloadInventory.Empty, [.. diagnostics]);
    }

    /// <summary>Reads an inventory from text in memory; <paramref name="fileName"/> names it in diagnostics.</summary>
    public static InventoryLoadResult Parse(string text, string fileName) => Parse(text, fileName, InputLimits.Default);

    /// <summary>Reads an inventory from text in memory, refusing input beyond <paramref name="limits"/>.</summary>
    public static InventoryLoadResult Parse(string text, string fileName, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        return InventoryReader.Read(Encoding.UTF8.GetBytes(text), fileName, limits);
    }
}
