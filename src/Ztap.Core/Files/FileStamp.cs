namespace Ztap.Core.Files;

/// <summary>
/// A file's modification time and length. While they are what a reader saw, the reader may take the
/// file for unchanged without reading it, on one condition: a file modified within the last moments
/// before the stamp was taken can be written again within the same tick of the file system's coarse
/// clock, at the same length, and keep its stamp. Such a stamp is not <see cref="Settled"/>, and a
/// reader that must not miss a change reads the file again.
/// </summary>
public sealed record FileStamp(DateTime ModifiedUtc, long Length)
{
    // Far more than a tick of the file system's clock; an edit this close to the stamp is read again.
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>When the stamp was taken; not part of what makes two stamps equal.</summary>
    public DateTime TakenUtc { get; private init; }

    /// <summary>Whether the file was last modified long enough before the stamp that any later write shows in its stamp.</summary>
    public bool Settled => ModifiedUtc <= TakenUtc - SettleTime;

    /// <summary>This stamp when it is settled, so that a reader may keep it to vouch for the file; null otherwise.</summary>
    public FileStamp? IfSettled => Settled ? this : null;

    /// <summary>The stamp of the file now, or null when it does not exist.</summary>
    public static FileStamp? Of(string path)
    {
        var taken = DateTime.UtcNow;
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.LastWriteTimeUtc, file.Length) { TakenUtc = taken } : null;
    }

    public bool Equals(FileStamp? other) => other is not null && ModifiedUtc == other.ModifiedUtc && Length == other.Length;

    public override int GetHashCode() => HashCode.Combine(ModifiedUtc, Length);
}
