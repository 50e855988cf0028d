using System.Collections.Immutable;
using Ztap.Core.Diagnostics;
using Ztap.Core.Files;

namespace Ztap.Core.Inventory;

/// <summary>An inventory with everything found wrong while reading it; unusable when any diagnostic is an error.</summary>
public sealed record InventoryLoadResult(WorkloadInventory Inventory, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>A SHA-256 of the file the inventory was read from, when a file source was asked to keep one.</summary>
    public ImmutableArray<byte> SourceDigest { get; init; }

    /// <summary>The settled stamp of that file when it was read, which vouches for it while unchanged; null when it was not settled.</summary>
    public FileStamp? SourceStamp { get; init; }

    /// <summary>The workloads by the text each was read from, when a file source was asked to keep them for its next read.</summary>
    internal WorkloadTexts? WorkloadTexts { get; init; }
}
