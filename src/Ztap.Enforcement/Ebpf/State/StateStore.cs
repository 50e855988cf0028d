using System.Collections.Immutable;
using Ztap.Core.Files;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// Reads and replaces the state (<c>ebpf-state.json</c>), the names (the policies' in
/// <c>ebpf-names.json</c>, the identities' in <c>ebpf-identities.json</c>) and the slot snapshots in
/// the state folder. What it last wrote or read it keeps, and trusts while the
/// file's stamp is the one it saw, so an agent applying edits reads and writes only what changed.
/// These files change only by ztap's own applies, each one replacing them under the apply lock,
/// so a stamp is trusted even when it is not settled.
/// </summary>
internal sealed class StateStore(string directory)
{
    private (EbpfStateHeader Header, FileStamp? Stamp)? _header;
    private (EbpfNames Names, FileStamp? Stamp)? _names;
    private (EbpfNames Identities, FileStamp? Stamp)? _identities;

    // The identities' file rendered ahead of the write (PrepareIdentities), with the names it renders.
    private (string Version, ImmutableArray<IdentitySummary> Identities, ReadOnlyMemory<byte> Content)? _preparedIdentities;

    public string Directory { get; } = directory;

    private string StatePath => Path.Join(Directory, "ebpf-state.json");

    private string NamesPath => Path.Join(Directory, "ebpf-names.json");

    private string IdentitiesPath => Path.Join(Directory, "ebpf-identities.json");

    /// <summary>The state with the names it goes with; the names are null when they are missing or belong to another state.</summary>
    public async Task<(EbpfState? State, EbpfNames? Names)> ReadAsync(CancellationToken cancellationToken)
    {
        var state = await StateFile.ReadAsync(StatePath, EbpfStateJson.Default.EbpfState, cancellationToken);
        var names = state is null ? null : await ReadNamesAsync(state.NamesVersion, cancellationToken);
        return (state, names?.Version == state?.NamesVersion ? names : null);
    }

    // The names of a large set are most of the state's bytes, and the agent asks for the status
    // before every apply and every scrape: the names kept are used while the files keep their stamps
    // and they are the ones the state asks for. Both files hold names: the policies' without
    // identities, the identities' (under their own version) without policies.
    private async Task<EbpfNames?> ReadNamesAsync(string? version, CancellationToken cancellationToken)
    {
        var stamp = FileStamp.Of(NamesPath);
        if (stamp is not null && _names is { } known && known.Stamp == stamp && known.Names.Version == version)
        {
            return known.Names;
        }

        var names = await StateFile.ReadAsync(NamesPath, EbpfStateJson.Default.EbpfNames, cancellationToken);
        if (names is { Order.IsDefault: true })
        {
            names = null; // written by an earlier build, which recorded no order
        }

        if (names is not null && names.Identities.IsEmpty)
        {
            names = await WithIdentitiesAsync(names, cancellationToken);
        }

        _names = names is null ? null : (names, stamp);
        return names;
    }

    // The identities' names go with the policies' when they are of the version those ask for.
    private async Task<EbpfNames?> WithIdentitiesAsync(EbpfNames names, CancellationToken cancellationToken)
    {
        var stamp = FileStamp.Of(IdentitiesPath);
        var identities = stamp is not null && _identities is { } known && known.Stamp == stamp && known.Identities.Version == names.IdentitiesVersion
            ? known.Identities
            : await StateFile.ReadAsync(IdentitiesPath, EbpfStateJson.Default.EbpfNames, cancellationToken);
        _identities = identities is null ? null : (identities, stamp);
        return identities?.Version == names.IdentitiesVersion ? names with { Identities = identities.Identities } : null;
    }

    /// <summary>Only what an apply needs, skipping the rest of the state.</summary>
    public async Task<EbpfStateHeader?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var stamp = FileStamp.Of(StatePath);
        if (_header is { } known && known.Stamp == stamp)
        {
            return known.Header;
        }

        var header = await StateFile.ReadAsync(StatePath, EbpfStateJson.Default.EbpfStateHeader, cancellationToken);
        _header = header is null ? null : (header, stamp);
        return header;
    }

    /// <summary>
    /// Replaces the state, and first the names when they are not those last written (the identities'
    /// only when they changed too), each through a temporary file, so a reader never sees half of one.
    /// The state names the version of the names it goes with, and the names that of the identities',
    /// so a crash between two writes leaves names that status does not use.
    /// </summary>
    public async Task WriteAsync(EbpfState state, EbpfNames names, CancellationToken cancellationToken)
    {
        if (IdentitiesChanged(names))
        {
            var identities = IdentitiesOf(names);
            var content = _preparedIdentities is { } prepared && prepared.Version == names.IdentitiesVersion && prepared.Identities == names.Identities
                ? prepared.Content
                : StateFile.Render(identities, EbpfStateJson.Default.EbpfNames);
            _identities = (identities, await ReplaceAsync(IdentitiesPath, content, cancellationToken));
        }

        _preparedIdentities = null;

        if (_names is not { } written || !ReferenceEquals(written.Names, names) || written.Stamp != FileStamp.Of(NamesPath))
        {
            _names = (names, await ReplaceAsync(NamesPath, StateFile.Render(names with { Identities = [] }, EbpfStateJson.Default.EbpfNames), cancellationToken));
        }

        var stamp = await ReplaceAsync(StatePath, StateFile.Render(state, EbpfStateJson.Default.EbpfState), cancellationToken);
        _header = (new EbpfStateHeader(state.ObjectDigest, state.Attached), stamp);
    }

    /// <summary>
    /// Renders the identities' file <see cref="WriteAsync"/> will write for <paramref name="names"/>,
    /// when it will write one. Describing tens of thousands of identities takes tens of
    /// milliseconds, which an apply spends here while the kernel still loads the datapath, rather
    /// than after the switch.
    /// </summary>
    public void PrepareIdentities(EbpfNames names) =>
        _preparedIdentities = IdentitiesChanged(names)
            ? (names.IdentitiesVersion, names.Identities, StateFile.Render(IdentitiesOf(names), EbpfStateJson.Default.EbpfNames))
            : null;

    private bool IdentitiesChanged(EbpfNames names) =>
        _identities is not { } written || written.Identities.Version != names.IdentitiesVersion || written.Stamp != FileStamp.Of(IdentitiesPath);

    // The identities' file holds their names alone, under their own version.
    private static EbpfNames IdentitiesOf(EbpfNames names) => new(names.IdentitiesVersion, names.IdentitiesVersion, names.Identities, [], []);

    public void Clear()
    {
        foreach (var file in new[] { StatePath, NamesPath, IdentitiesPath, SlotSnapshot.PathOf(Directory, 0), SlotSnapshot.PathOf(Directory, 1) })
        {
            File.Delete(file);
        }

        (_header, _names, _identities, _preparedIdentities) = (null, null, null, null);
    }

    private static async Task<FileStamp?> ReplaceAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await StateFile.ReplaceAsync(path, content, cancellationToken);
        return FileStamp.Of(path);
    }
}
