using Ztap.Enforcement.Ebpf.State;

namespace Ztap.Enforcement.Tests.Ebpf.State;

public sealed class StateStoreTests : IDisposable
{
    private static readonly EbpfNames Names = new("v1", "v1", [new IdentitySummary(7, "prod app=web")], ["prod/web"], [0]);

    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string NamesPath => Path.Join(_directory, "ebpf-names.json");

    private string IdentitiesPath => Path.Join(_directory, "ebpf-identities.json");

    // A mark of the same length under the same stamp: only a rewrite of the file would remove it.
    private static void MarkKeepingStamp(string path, string text, string mark)
    {
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace(text, mark, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);
    }

    [Fact]
    public async Task Names_are_written_once_while_they_stay_the_same_and_read_with_their_state()
    {
        var store = new StateStore(_directory);
        await store.WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);

        MarkKeepingStamp(NamesPath, "prod/web", "prod/wex");

        await store.WriteAsync(State(generation: 2, Names.Version), Names, CancellationToken.None);
        var (state, names) = await new StateStore(_directory).ReadAsync(CancellationToken.None);

        Assert.Equal(2u, state!.Generation);
        Assert.Equal(["prod/wex"], names!.Policies.AsEnumerable());
    }

    [Fact]
    public async Task Names_of_another_version_than_the_state_names_are_not_used()
    {
        await new StateStore(_directory).WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        await new StateStore(_directory).WriteAsync(State(generation: 2, "v2"), Names with { Version = "v2" }, CancellationToken.None);
        File.WriteAllText(NamesPath, File.ReadAllText(NamesPath).Replace("\"v2\"", "\"v1\"", StringComparison.Ordinal));

        var (state, names) = await new StateStore(_directory).ReadAsync(CancellationToken.None);

        Assert.Equal(2u, state!.Generation);
        Assert.Null(names);
    }

    [Fact]
    public async Task A_names_file_of_an_earlier_build_without_the_policies_order_is_not_used()
    {
        await new StateStore(_directory).WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        File.WriteAllText(NamesPath, """{"version":"v1","identitiesVersion":"v1","identities":[],"policies":["prod/web"]}""");

        var (state, names) = await new StateStore(_directory).ReadAsync(CancellationToken.None);

        Assert.Equal(1u, state!.Generation);
        Assert.Null(names);
    }

    [Fact]
    public async Task A_names_file_replaced_by_another_ztap_is_written_again()
    {
        var store = new StateStore(_directory);
        await store.WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        File.Delete(NamesPath);

        await store.WriteAsync(State(generation: 2, Names.Version), Names, CancellationToken.None);
        var (_, names) = await new StateStore(_directory).ReadAsync(CancellationToken.None);

        Assert.NotNull(names);
    }

    [Fact]
    public async Task Names_read_once_are_kept_until_the_file_changes_or_the_state_asks_for_others()
    {
        var store = new StateStore(_directory);
        await new StateStore(_directory).WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        var (_, first) = await store.ReadAsync(CancellationToken.None);

        var (_, again) = await store.ReadAsync(CancellationToken.None);
        await new StateStore(_directory).WriteAsync(State(generation: 2, "v2"), Names with { Version = "v2", Policies = ["prod/api"] }, CancellationToken.None);
        var (_, other) = await store.ReadAsync(CancellationToken.None);

        Assert.Same(first, again);
        Assert.Equal(["prod/api"], other!.Policies.AsEnumerable());
    }

    [Fact]
    public async Task Identity_names_an_edit_keeps_are_written_once_and_read_back_with_the_new_policy_names()
    {
        var store = new StateStore(_directory);
        await store.WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        MarkKeepingStamp(IdentitiesPath, "app=web", "app=wex");

        await store.WriteAsync(State(generation: 2, "v2"), Names with { Version = "v2", Policies = ["prod/api"] }, CancellationToken.None);
        var (_, names) = await new StateStore(_directory).ReadAsync(CancellationToken.None);

        Assert.Equal(["prod/api"], names!.Policies.AsEnumerable());
        Assert.Equal("prod app=wex", Assert.Single(names.Identities).Description);
    }

    [Fact]
    public async Task Names_whose_identities_file_is_of_another_version_are_not_used()
    {
        await new StateStore(_directory).WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        await new StateStore(_directory).WriteAsync(State(generation: 2, "v2"), Names with { Version = "v2", IdentitiesVersion = "v2" }, CancellationToken.None);
        File.WriteAllText(IdentitiesPath, File.ReadAllText(IdentitiesPath).Replace("\"v2\"", "\"v1\"", StringComparison.Ordinal));

        var (state, names) = await new StateStore(_directory).ReadAsync(CancellationToken.None);

        Assert.Equal(2u, state!.Generation);
        Assert.Null(names);
    }

    [Fact]
    public async Task Identities_prepared_ahead_are_written_as_a_write_alone_writes_them()
    {
        await new StateStore(_directory).WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        var alone = File.ReadAllBytes(IdentitiesPath);
        var store = new StateStore(_directory);

        store.PrepareIdentities(Names);
        File.Delete(IdentitiesPath);
        await store.WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);

        Assert.Equal(alone, File.ReadAllBytes(IdentitiesPath));
    }

    [Fact]
    public async Task Identities_prepared_for_other_names_are_not_written()
    {
        var store = new StateStore(_directory);
        var others = Names with { Version = "v2", IdentitiesVersion = "v2", Identities = [new IdentitySummary(8, "prod app=api")] };

        store.PrepareIdentities(others);
        await store.WriteAsync(State(generation: 1, Names.Version), Names, CancellationToken.None);
        var (_, names) = await new StateStore(_directory).ReadAsync(CancellationToken.None);

        Assert.Equal("prod app=web", Assert.Single(names!.Identities).Description);
    }

    private static EbpfState State(uint generation, string namesVersion) =>
        new("v", generation, DateTimeOffset.UnixEpoch, EnforcementMode.Enforce, "/sys/fs/bpf/test", "digest", [], [], namesVersion);
}
