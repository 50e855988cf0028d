namespace Ztap.Enforcement.Nftables;

/// <summary>Reads and replaces <c>nftables-state.json</c> in the state folder.</summary>
internal sealed class NftablesStateStore(string directory)
{
    private string StatePath => Path.Join(directory, "nftables-state.json");

    public Task<NftablesState?> ReadAsync(CancellationToken cancellationToken) =>
        StateFile.ReadAsync(StatePath, NftablesStateJson.Default.NftablesState, cancellationToken);

    /// <summary>Replaces the state through a temporary file, so a reader never sees half of it.</summary>
    public Task WriteAsync(NftablesState state, CancellationToken cancellationToken) =>
        StateFile.ReplaceAsync(StatePath, state, NftablesStateJson.Default.NftablesState, cancellationToken);

    public void Clear() => File.Delete(StatePath);
}
