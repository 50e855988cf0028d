using System.IO.Hashing;

namespace Ztap.Core.Inventory;

/// <summary>
/// The workloads of one read of an inventory file, each with the text of the list item it was read
/// from. The next read of the file takes an item whose text is unchanged as the workload read
/// before, moved to where the item is now, without parsing or converting it again: when a replica
/// comes or goes, the other tens of thousands of items read as they did. Items are found by their
/// first line and confirmed by the length and a digest of their whole text, so an item whose first
/// line repeats an earlier one's is read in full. The digests are 64-bit XxHash3: the file's writer
/// decides every workload anyway, two different items of the same first line and length collide
/// once in 2^64, and a SHA-256 per item would cost more than reading it again. An agent keeps these
/// for as long as the inventory is in force, about 44 bytes a workload.
/// </summary>
internal sealed class WorkloadTexts
{
    private readonly Dictionary<ulong, Known> _byFirstLine;

    /// <param name="capacity">How many workloads the read is expected to record.</param>
    public WorkloadTexts(int capacity = 0) => _byFirstLine = new(capacity);

    /// <summary>How many workloads the read recorded.</summary>
    public int Count => _byFirstLine.Count;

    /// <summary>
    /// The item text that <paramref name="rest"/> starts with and its workload, when it was read
    /// before; null when not. <paramref name="firstLine"/> is the key to record it under again.
    /// </summary>
    public Known? Find(ReadOnlySpan<byte> rest, out ulong firstLine)
    {
        firstLine = FirstLineDigest(rest);
        if (!_byFirstLine.TryGetValue(firstLine, out var known)
            || known.Length > rest.Length
            || XxHash3.HashToUInt64(rest[..known.Length]) != known.Digest)
        {
            return null;
        }

        return known;
    }

    /// <summary>Records the workload read, without a diagnostic, from the item <paramref name="text"/> starting on <paramref name="line"/>.</summary>
    public void Add(ReadOnlySpan<byte> text, int line, Workload workload) =>
        Add(FirstLineDigest(text), new Known(XxHash3.HashToUInt64(text), text.Length, workload.Origin.Line - line, workload));

    /// <summary>Records an item text another read found, under its first line's digest, with its workload as this read placed it.</summary>
    public void Add(ulong firstLine, Known known) => _byFirstLine.TryAdd(firstLine, known);

    /// <summary>Gives back the room a read grown from nothing left unused, for as long as the texts are kept.</summary>
    public void TrimExcess() => _byFirstLine.TrimExcess();

    public void Clear() => _byFirstLine.Clear();

    private static ulong FirstLineDigest(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)'\n');
        return XxHash3.HashToUInt64(end < 0 ? text : text[..end]);
    }

    /// <summary>An item's text, by its digest and length, and the workload read from it, whose origin is <paramref name="LineOffset"/> lines below the item's first.</summary>
    public readonly record struct Known(ulong Digest, int Length, int LineOffset, Workload Workload);
}
