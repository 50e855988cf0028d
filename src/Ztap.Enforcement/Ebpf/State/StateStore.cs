using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ztap.Core.Files;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// Reads and replaces the state (<c>ebpf-state.json</c>), the names (<c>ebpf-names.json</c>) and the
/// slot snapshots in the state folder. What it last wrote or read it keeps, and trusts while the
/// file's stamp is the one it saw, so an agent applying edits reads and writes only what changed.
/// These files change only by ztap's own applies, each one replacing them under the apply lock,
/// so a stamp is trusted even when it is not settled.
/// </summary>
internal sealed class StateStore(string directory)
{
    private (EbpfStateHeader Header, FileStamp? Stamp)? _header;
    private (EbpfNames Names, FileStamp? Stamp)? _names;

    public string Directory { get; } = directory;

    private string StatePath => Path.Join(Directory, "ebpf-state.json");

    private string NamesPath => Path.Join(Directory, "ebpf-names.json");

    /// <summary>The state with the names it goes with; the names are null when they are missing or belong to another state.</summary>
    public async Task<(EbpfState? State, EbpfNames? Names)> ReadAsync(CancellationToken cancellationToken)
    {
        var state = await ReadAsync(StatePath, EbpfStateJson.Default.EbpfState, cancellationToken);
        var names = state is null ? null : await ReadNamesAsync(state.NamesVersion, cancellationToken);
        return (state, names?.Version == state?.NamesVersion ? names : null);
    }

    // The names of a large set are most of the state's bytes, and the agent asks for the status
    // before every apply and every scrape: the names kept are used while the file keeps its stamp
    // and they are the ones the state asks for.
    private async Task<EbpfNames?> ReadNamesAsync(string? version, CancellationToken cancellationToken)
    {
        var stamp = FileStamp.Of(NamesPath);
        if (stamp is not null && _names is { } known && known.Stamp == stamp && known.Names.Version == version)
        {
            return known.Names;
        }

        var names = await ReadAsync(NamesPath, EbpfStateJson.Default.EbpfNames, cancellationToken);
        _names = names is null ? null : (names, stamp);
        return names;
    }

    /// <summary>Only what an apply needs, skipping the rest of the state.</summary>
    public async Task<EbpfStateHeader?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var stamp = FileStamp.Of(StatePath);
        if (_header is { } known && known.Stamp == stamp)
        {
            return known.Header;
        }

        var header = await ReadAsync(StatePath, EbpfStateJson.Default.EbpfStateHeader, cancellationToken);
        _header = header is null ? null : (header, stamp);
        return header;
    }

    /// <summary>
    /// Replaces the state, and the names first when they are not those last written, each through a
    /// temporary file, so a reader never sees half of one. The state names the version of the names
    /// it goes with, so a crash between the two leaves names that status does not use.
    /// </summary>
    public async Task WriteAsync(EbpfState state, EbpfNames names, CancellationToken cancellationToken)
    {
        if (_names is not { } written || !ReferenceEquals(written.Names, names) || written.Stamp != FileStamp.Of(NamesPath))
        {
            _names = (names, await ReplaceAsync(NamesPath, JsonSerializer.SerializeToUtf8Bytes(names, EbpfStateJson.Default.EbpfNames), cancellationToken));
        }

        var stamp = await ReplaceAsync(StatePath, JsonSerializer.SerializeToUtf8Bytes(state, EbpfStateJson.Default.EbpfState), cancellationToken);
        _header = (new EbpfStateHeader(state.ObjectDigest, state.Attached), stamp);
    }

    public void Clear()
    {
        foreach (var file in new[] { StatePath, NamesPath, SlotSnapshot.PathOf(Directory, 0), SlotSnapshot.PathOf(Directory, 1) })
        {
            File.Delete(file);
        }

        (_header, _names) = (null, null);
    }

    private static async Task<T?> ReadAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
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
            // A state file cut short by a crash only costs names in status; the kernel is the truth.
            return null;
        }
    }

    private async Task<FileStamp?> ReplaceAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return FileStamp.Of(path);
    }
}
