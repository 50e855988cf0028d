using System.Text.Json;

namespace Ztap.Enforcement.Nftables;

/// <summary>Reads and replaces <c>nftables-state.json</c> in the state folder.</summary>
internal sealed class NftablesStateStore(string directory)
{
    private string StatePath => Path.Join(directory, "nftables-state.json");

    public async Task<NftablesState?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(StatePath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(await File.ReadAllBytesAsync(StatePath, cancellationToken), NftablesStateJson.Default.NftablesState);
        }
        catch (JsonException)
        {
            // A state file cut short by a crash only costs names in status; the table is the truth.
            return null;
        }
    }

    /// <summary>Replaces the state through a temporary file, so a reader never sees half of it.</summary>
    public async Task WriteAsync(NftablesState state, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temporary = StatePath + ".tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(state, NftablesStateJson.Default.NftablesState), cancellationToken);
        File.Move(temporary, StatePath, overwrite: true);
    }

    public void Clear() => File.Delete(StatePath);
}
