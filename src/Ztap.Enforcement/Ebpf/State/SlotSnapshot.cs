using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// What ztap last wrote into a slot, kept as raw map entries in the state folder so the next
/// version written there is a diff. Trusted only when its generation equals the one the kernel
/// records for the slot, which ztap clears before touching the slot and sets when it is complete.
/// </summary>
internal static class SlotSnapshot
{
    private const uint Magic = 0x5a545332; // "ZTS2"

    public static string PathOf(string stateDirectory, int slot) => Path.Join(stateDirectory, $"ebpf-slot-{slot}.bin");

    public static void Write(string stateDirectory, int slot, uint generation, DatapathImage image)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = PathOf(stateDirectory, slot);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(generation);
            WriteImage(writer, image.Ipcache);
            WriteImage(writer, image.Subjects);
            WriteImage(writer, image.Isolated);
            WriteImage(writer, image.Blocks);
            WriteImage(writer, image.Policy);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The slot's entries as last written, or null when there is no snapshot of that generation.</summary>
    public static SlotContent? Read(string stateDirectory, int slot, uint generation)
    {
        var path = PathOf(stateDirectory, slot);
        if (generation == 0 || !File.Exists(path))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadUInt32() != Magic || reader.ReadUInt32() != generation)
        {
            return null;
        }

        return new SlotContent(
            ReadImage<IpcacheKey, uint>(reader),
            ReadImage<SubjectKey, uint>(reader),
            ReadImage<IsolationKey, Isolation>(reader),
            ReadImage<BlockKey, uint>(reader),
            ReadImage<PolicyKey, PolicyValue>(reader));
    }

    private static void WriteImage<TKey, TValue>(BinaryWriter writer, MapImage<TKey, TValue> image)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        writer.Write(image.Count);
        writer.Write(MemoryMarshal.AsBytes(image.Keys.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(image.Values.AsSpan()));
    }

    private static MapImage<TKey, TValue> ReadImage<TKey, TValue>(BinaryReader reader)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        var count = reader.ReadInt32();
        var keys = new TKey[count];
        var values = new TValue[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return new MapImage<TKey, TValue>(keys, values);
    }
}
