using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ztap.Enforcement;

/// <summary>
/// A backend's JSON state in the state folder: read leniently, since the kernel (or pf, or the
/// table) is the truth and a file cut short by a crash only costs names in status; replaced through
/// a temporary file, so a reader never sees half of one.
/// </summary>
internal static class StateFile
{
    /// <summary>The state in the file, or null when it is missing or not whole.</summary>
    public static async Task<T?> ReadAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The state as JSON, in a buffer of its own. The serializer's own buffer comes from the shared
    /// array pool, which keeps every size it grew through in the pool of the thread that wrote: for
    /// a large set's names that was 5 MB an agent carried for good.
    /// </summary>
    public static ReadOnlyMemory<byte> Render<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Replaces the file with the state, creating its folder when needed.</summary>
    public static Task ReplaceAsync<T>(string path, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        ReplaceAsync(path, Render(value, type), cancellationToken);

    /// <summary>Replaces the file with JSON already rendered, creating its folder when needed.</summary>
    public static async Task ReplaceAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
