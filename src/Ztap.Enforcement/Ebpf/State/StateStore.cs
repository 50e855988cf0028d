using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>Reads and replaces the state file (<c>ebpf-state.json</c>) and the slot snapshots in the state folder.</summary>
internal sealed class StateStore(string directory)
{
    public string Directory { get; } = directory;

    private string StatePath => Path.Join(Directory, "ebpf-state.json");

    public Task<EbpfState?> ReadAsync(CancellationToken cancellationToken) =>
        ReadAsync(EbpfStateJson.Default.EbpfState, cancellationToken);

    /// <summary>Only what an apply needs, skipping the names that only status shows.</summary>
    public Task<EbpfStateHeader?> ReadHeaderAsync(CancellationToken cancellationToken) =>
        ReadAsync(EbpfStateJson.Default.EbpfStateHeader, cancellationToken);

    private async Task<T?> ReadAsync<T>(JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(StatePath))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(StatePath, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            // A state file cut short by a crash only costs names in status; the kernel is the truth.
            return null;
        }
    }

    /// <summary>Replaces the state through a temporary file, so a reader never sees half of it.</summary>
    public async Task WriteAsync(EbpfState state, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = StatePath + ".tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(state, EbpfStateJson.Default.EbpfState), cancellationToken);

        File.Move(temporary, StatePath, overwrite: true);
    }

    public void Clear()
    {
        foreach (var file in new[] { StatePath, State.SlotSnapshot.PathOf(Directory, 0), State.SlotSnapshot.PathOf(Directory, 1) })
        {
            File.Delete(file);
        }
    }
}
