using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// What ztap last wrote into a slot, kept as raw map entries in the state folder so the next
/// version written there is a diff. The file is a record of the slot's full content followed by
/// records of the changes written since, each stamped with its generation; an update appends its
/// changes (a few entries for an edit) rather than writing megabytes again, until the changes
/// outweigh the content or are many and the file is written afresh. Trusted only when the last record's
/// generation equals the one the kernel records for the slot, which ztap clears before touching
/// the slot and sets when it is complete, and only when every record is whole: a record cut short
/// by a crash leaves a file that is not trusted at all.
/// </summary>
internal static class SlotSnapshot
{
    private const uint Magic = 0x5a545333; // "ZTS3"
    private const uint RecordEnd = 0x5a545345; // "ZTSE"
    private const uint ContentRecord = 1;
    private const uint ChangesRecord = 2;

    // Header: kind, generation, payload length.
    private const int RecordHeaderSize = sizeof(uint) + sizeof(uint) + sizeof(long);

    // Reading replays every change record over the content, so their number is bounded too.
    private const int MostChangeRecords = 16;

    public static string PathOf(string stateDirectory, int slot) => Path.Join(stateDirectory, $"ebpf-slot-{slot}.bin");

    /// <summary>
    /// Records that the slot holds <paramref name="image"/> at <paramref name="generation"/>:
    /// as <paramref name="changes"/> appended to the file when they were computed from the content
    /// the file holds (null otherwise), or as the whole content.
    /// </summary>
    public static void Write(string stateDirectory, int slot, uint generation, DatapathImage image, SlotChanges? changes)
    {
        var path = PathOf(stateDirectory, slot);
        var file = new FileInfo(path);
        if (changes is not null && file.Exists && file.Length + SizeOf(changes) < 2 * SizeOf(image) && ChangeRecords(path) < MostChangeRecords)
        {
            using var appended = new BinaryWriter(new FileStream(path, FileMode.Append, FileAccess.Write));
            WriteRecord(appended, ChangesRecord, generation, SizeOf(changes), () => WriteChanges(appended, changes));
            return;
        }

        Directory.CreateDirectory(stateDirectory);
        var temporary = path + ".tmp";
        using (var written = new BinaryWriter(new FileStream(temporary, FileMode.Create, FileAccess.Write)))
        {
            written.Write(Magic);
            WriteRecord(written, ContentRecord, generation, SizeOf(image), () => WriteContent(written, image));
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The slot's entries as last written, or null when there is no whole snapshot of that generation.</summary>
    public static SlotContent? Read(string stateDirectory, int slot, uint generation)
    {
        var path = PathOf(stateDirectory, slot);
        if (generation == 0 || !File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        if (stream.Length < sizeof(uint) || reader.ReadUInt32() != Magic)
        {
            return null;
        }

        SlotContent? content = null;
        var last = 0u;
        while (stream.Position < stream.Length)
        {
            if (stream.Length - stream.Position < RecordHeaderSize)
            {
                return null;
            }

            var (kind, recorded, length) = (reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadInt64());
            if (length < 0 || stream.Length - stream.Position < length + sizeof(uint))
            {
                return null;
            }

            var end = stream.Position + length;
            content = kind == ContentRecord ? ReadContent(reader)
                : kind == ChangesRecord && content is not null ? content.With(ReadChanges(reader))
                : null;
            if (content is null || stream.Position != end || reader.ReadUInt32() != RecordEnd)
            {
                return null;
            }

            last = recorded;
        }

        return last == generation ? content : null;
    }

    // Walks the record headers only.
    private static int ChangeRecords(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var records = 0;
        stream.Position = sizeof(uint);
        while (stream.Length - stream.Position >= RecordHeaderSize)
        {
            var kind = reader.ReadUInt32();
            stream.Position += sizeof(uint);
            stream.Position += reader.ReadInt64() + sizeof(uint);
            records += kind == ChangesRecord ? 1 : 0;
        }

        return records;
    }

    private static void WriteRecord(BinaryWriter writer, uint kind, uint generation, long length, Action payload)
    {
        writer.Write(kind);
        writer.Write(generation);
        writer.Write(length);
        var start = writer.BaseStream.Position;
        payload();
        if (writer.BaseStream.Position - start != length)
        {
            throw new InvalidOperationException($"a snapshot record of {length} bytes was written as {writer.BaseStream.Position - start}");
        }

        writer.Write(RecordEnd);
    }

    private static void WriteContent(BinaryWriter writer, DatapathImage image)
    {
        WriteEntries(writer, image.Ipcache.Keys, image.Ipcache.Values);
        WriteEntries(writer, image.Subjects.Keys, image.Subjects.Values);
        WriteEntries(writer, image.Isolated.Keys, image.Isolated.Values);
        WriteEntries(writer, image.Blocks.Keys, image.Blocks.Values);
        WriteEntries(writer, image.Policy.Keys, image.Policy.Values);
    }

    private static SlotContent ReadContent(BinaryReader reader) => new(
        ReadImage<IpcacheKey, uint>(reader),
        ReadImage<SubjectKey, uint>(reader),
        ReadImage<IsolationKey, Isolation>(reader),
        ReadImage<BlockKey, uint>(reader),
        ReadImage<PolicyKey, PolicyValue>(reader));

    private static void WriteChanges(BinaryWriter writer, SlotChanges changes)
    {
        WriteChanges(writer, changes.Ipcache);
        WriteChanges(writer, changes.Subjects);
        WriteChanges(writer, changes.Isolated);
        WriteChanges(writer, changes.Blocks);
        WriteChanges(writer, changes.Policy);
    }

    private static SlotChanges ReadChanges(BinaryReader reader) => new(
        ReadChanges<IpcacheKey, uint>(reader),
        ReadChanges<SubjectKey, uint>(reader),
        ReadChanges<IsolationKey, Isolation>(reader),
        ReadChanges<BlockKey, uint>(reader),
        ReadChanges<PolicyKey, PolicyValue>(reader));

    private static void WriteChanges<TKey, TValue>(BinaryWriter writer, MapChanges<TKey, TValue> changes)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        WriteEntries<TKey, TValue>(writer, changes.Deletions, []);
        WriteEntries(writer, changes.UpsertKeys, changes.UpsertValues);
    }

    private static MapChanges<TKey, TValue> ReadChanges<TKey, TValue>(BinaryReader reader)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        var (deletions, _) = ReadEntries<TKey, TValue>(reader, withValues: false);
        var (keys, values) = ReadEntries<TKey, TValue>(reader, withValues: true);
        return new MapChanges<TKey, TValue>(deletions, keys, values);
    }

    private static MapImage<TKey, TValue> ReadImage<TKey, TValue>(BinaryReader reader)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        var (keys, values) = ReadEntries<TKey, TValue>(reader, withValues: true);
        return new MapImage<TKey, TValue>(keys, values);
    }

    private static void WriteEntries<TKey, TValue>(BinaryWriter writer, ReadOnlySpan<TKey> keys, ReadOnlySpan<TValue> values)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        writer.Write(keys.Length);
        writer.Write(MemoryMarshal.AsBytes(keys));
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    private static (TKey[] Keys, TValue[] Values) ReadEntries<TKey, TValue>(BinaryReader reader, bool withValues)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        var count = reader.ReadInt32();
        var keys = new TKey[count];
        var values = new TValue[withValues ? count : 0];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return (keys, values);
    }

    // The payload sizes, counts of entries included.
    private static long SizeOf(DatapathImage image) =>
        SizeOf(image.Ipcache) + SizeOf(image.Subjects) + SizeOf(image.Isolated) + SizeOf(image.Blocks) + SizeOf(image.Policy);

    private static long SizeOf(SlotChanges changes) =>
        SizeOf(changes.Ipcache) + SizeOf(changes.Subjects) + SizeOf(changes.Isolated) + SizeOf(changes.Blocks) + SizeOf(changes.Policy);

    private static long SizeOf<TKey, TValue>(MapImage<TKey, TValue> image)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged => sizeof(int) + ((long)image.Count * (Unsafe.SizeOf<TKey>() + Unsafe.SizeOf<TValue>()));

    private static long SizeOf<TKey, TValue>(MapChanges<TKey, TValue> changes)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged =>
        sizeof(int) + ((long)changes.Deletions.Length * Unsafe.SizeOf<TKey>())
        + sizeof(int) + ((long)changes.UpsertKeys.Length * (Unsafe.SizeOf<TKey>() + Unsafe.SizeOf<TValue>()));
}
