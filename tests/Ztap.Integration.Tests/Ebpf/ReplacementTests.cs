using System.Text.Json;
using Ztap.Enforcement;
using Ztap.Integration.Tests.Scenes;
using static Ztap.Integration.Tests.Ebpf.UpdatePolicies;
using static Ztap.Integration.Tests.Scenes.Estate;

namespace Ztap.Integration.Tests.Ebpf;

/// <summary>Maps pinned by a build of ztap with another datapath layout, as an upgrade finds them.</summary>
[Collection(KernelCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReplacementTests(ProbeBinary probe)
{
    [RootFact]
    public async Task Maps_of_another_layout_are_replaced_by_the_next_apply_while_the_attached_programs_keep_enforcing()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var first = await scene.Enforcer.ApplyAsync(estate.Compile(MatrixPolicies.Yaml), new EnforcementOptions(), CancellationToken.None);
        var pinRoot = scene.Location.PinRoot;

        // Maps as a build that kept one counter an entry left them, and what an interrupted replacement left.
        var counters = PinOldShapeCounters(pinRoot);
        Directory.CreateDirectory(Path.Join(pinRoot, "replacing"));
        Shell.Run("bpftool", "map", "create", Path.Join(pinRoot, "replacing", "ztap_config"), "type", "array", "key", "4", "value", "8", "entries", "1", "name", "ztap_config");
        var status = await Assert.ThrowsAsync<EnforcementException>(() => scene.Enforcer.StatusAsync(CancellationToken.None));
        Assert.Contains($"the pinned map {counters} has 4-byte keys and 24-byte values where this build's datapath has 4 and 1536", status.Message, StringComparison.Ordinal);
        Assert.Contains("Apply again with this build", status.Message, StringComparison.Ordinal);
        var linksBefore = Links(pinRoot);
        var conntrackBefore = MapId(Path.Join(pinRoot, "ztap_conntrack"));
        var configBefore = MapId(Path.Join(pinRoot, "ztap_config"));

        // Flows every version decides alike, tried for as long as the replacement runs: the
        // programs attached enforce until each link swaps to this build's.
        var update = estate.Compile(UpdatePolicies.Yaml);
        var applying = Task.Run(() => scene.Enforcer.ApplyAsync(update, new EnforcementOptions(), CancellationToken.None));
        var during = new List<(string Denied, string Allowed)>();
        while (!applying.IsCompleted)
        {
            during.Add((estate.Attempt(Web, DeniedByBoth), estate.Attempt(Web, AllowedByBoth)));
        }

        var result = await applying;
        Assert.NotEmpty(during);
        Assert.All(during, verdicts => Assert.Equal(("eperm", "allow"), verdicts));
        Assert.Equal("eperm", estate.Attempt(Web, ChangedByUpdate));
        Assert.Equal("allow", estate.Attempt(Web, AllowedByBoth));

        var linksAfter = Links(pinRoot);
        Assert.Equal(linksBefore.Keys.Order(), linksAfter.Keys.Order());
        Assert.All(linksBefore, before => Assert.Equal(before.Value.Link, linksAfter[before.Key].Link));
        Assert.All(linksBefore, before => Assert.NotEqual(before.Value.Program, linksAfter[before.Key].Program));
        Assert.Equal(conntrackBefore, MapId(Path.Join(pinRoot, "ztap_conntrack")));
        Assert.NotEqual(configBefore, MapId(Path.Join(pinRoot, "ztap_config")));
        Assert.Contains("\"bytes_value\":1536", Shell.Run("bpftool", "-j", "map", "show", "pinned", counters), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(pinRoot, "replacing")));
        var replaced = await scene.Enforcer.StatusAsync(CancellationToken.None);
        Assert.Equal(update.Version, replaced.PolicyVersion);

        // The new switch numbers on from the old one's, so no conntrack entry passes as decided by it.
        Assert.Equal(first.Generation + 1, result.Generation);
    }

    [RootFact]
    public async Task A_lone_map_of_another_shape_left_in_the_pin_root_is_replaced_by_a_first_install()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        Directory.CreateDirectory(scene.Location.PinRoot);
        var config = Path.Join(scene.Location.PinRoot, "ztap_config");
        Shell.Run("bpftool", "map", "create", config, "type", "array", "key", "4", "value", "8", "entries", "1", "name", "ztap_config");
        var stray = Shell.Run("bpftool", "map", "show", "pinned", config).Split(':')[0];

        var set = estate.Compile(MatrixPolicies.Yaml);
        await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);

        // Unpinned and held by nothing, the stray map is freed.
        Assert.Contains("\"bytes_value\":4", Shell.Run("bpftool", "-j", "map", "show", "pinned", config), StringComparison.Ordinal);
        Assert.NotEqual(0, Shell.TryRun("bpftool", "map", "show", "id", stray).ExitCode);
        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        Assert.Equal(set.Version, (await scene.Enforcer.StatusAsync(CancellationToken.None)).PolicyVersion);
    }

    [RootFact]
    public async Task A_replacing_apply_refused_for_its_size_leaves_the_old_maps_enforcing_and_no_replacement_pinned()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var set = estate.Compile(MatrixPolicies.Yaml);
        await scene.Enforcer.ApplyAsync(set, new EnforcementOptions(), CancellationToken.None);
        var counters = PinOldShapeCounters(scene.Location.PinRoot);
        var tooLarge = Ztap.Core.Compiler.PolicyCompiler.Compile([.. Enumerable.Range(0, 16_385).Select(i => set.Policies[0] with { Name = $"copy-{i}" })], set.Inventory);

        var refused = await Assert.ThrowsAsync<EnforcementException>(() => scene.Enforcer.ApplyAsync(tooLarge, new EnforcementOptions(), CancellationToken.None));

        Assert.Equal(EnforcementFailure.CapacityExceeded, refused.Failure);
        Assert.False(Directory.Exists(Path.Join(scene.Location.PinRoot, "replacing")));
        Assert.Contains("\"bytes_value\":24", Shell.Run("bpftool", "-j", "map", "show", "pinned", counters), StringComparison.Ordinal);
        Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
        Assert.Equal("allow", estate.Attempt(Web, ChangedByUpdate));
    }

    [RootFact]
    public async Task A_replacement_killed_midway_leaves_whole_versions_enforcing_and_the_next_run_completes_it()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var files = estate.WriteFiles(MatrixPolicies.Yaml);
        Assert.Equal(0, ZtapProcess.Run(scene.Location, "enforce", "-f", files.Policies, "-i", files.Inventory).ExitCode);

        File.WriteAllText(files.Policies, UpdatePolicies.Yaml);
        foreach (var delay in new[] { 150, 300, 450, 600, 800 })
        {
            // Each run finds a map of another shape, whatever the run before it got to.
            PinOldShapeCounters(scene.Location.PinRoot);
            await ZtapProcess.KillAfterAsync(scene.Location, delay, "enforce", "-f", files.Policies, "-i", files.Inventory);

            Assert.Equal("eperm", estate.Attempt(Web, DeniedByBoth));
            Assert.Equal("allow", estate.Attempt(Web, AllowedByBoth));
            Assert.Contains(estate.Attempt(Web, ChangedByUpdate), new[] { "allow", "eperm" });
        }

        var converged = ZtapProcess.Run(scene.Location, "enforce", "-f", files.Policies, "-i", files.Inventory);
        Assert.True(converged.ExitCode == 0, converged.Output);
        Assert.False(Directory.Exists(Path.Join(scene.Location.PinRoot, "replacing")));
        Assert.Contains("\"bytes_value\":1536", Shell.Run("bpftool", "-j", "map", "show", "pinned", Path.Join(scene.Location.PinRoot, "ztap_counters_0")), StringComparison.Ordinal);
        Assert.Equal("eperm", estate.Attempt(Web, ChangedByUpdate));
        Assert.Equal(0, ZtapProcess.Run(scene.Location, "status").ExitCode);
    }

    [RootFact]
    public async Task Maps_only_another_build_has_are_unpinned_by_the_apply_that_replaces_its_programs_and_by_removal()
    {
        await using var scene = Scene.Create(probe);
        var estate = Estate.Build(scene);
        var pinRoot = scene.Location.PinRoot;
        await scene.Enforcer.ApplyAsync(estate.Compile(MatrixPolicies.Yaml), new EnforcementOptions(), CancellationToken.None);
        PinOldShapeCounters(pinRoot);
        var retired = Path.Join(pinRoot, "ztap_retired");
        Shell.Run("bpftool", "map", "create", retired, "type", "hash", "key", "4", "value", "4", "entries", "8", "name", "ztap_retired");

        await scene.Enforcer.ApplyAsync(estate.Compile(UpdatePolicies.Yaml), new EnforcementOptions(), CancellationToken.None);

        Assert.False(File.Exists(retired));
        Shell.Run("bpftool", "map", "create", retired, "type", "hash", "key", "4", "value", "4", "entries", "8", "name", "ztap_retired");
        var removed = await scene.Enforcer.RemoveAsync(CancellationToken.None);
        Assert.True(removed.WasInstalled);
        Assert.False(Directory.Exists(pinRoot));
    }

    /// <summary>Pins the idle slot's counters as a build that kept one counter an entry did; returns the pin.</summary>
    private static string PinOldShapeCounters(string pinRoot)
    {
        var counters = Path.Join(pinRoot, "ztap_counters_0");
        File.Delete(counters);
        Shell.Run("bpftool", "map", "create", counters, "type", "percpu_array", "key", "4", "value", "24", "entries", "32768", "name", "ztap_counters_0");
        return counters;
    }

    private static long MapId(string pin) => Show("map", pin).GetProperty("id").GetInt64();

    /// <summary>Each pinned link's id and its program's, by pin name.</summary>
    private static Dictionary<string, (long Link, long Program)> Links(string pinRoot) =>
        Directory.EnumerateFiles(Path.Join(pinRoot, "links")).ToDictionary(
            pin => Path.GetFileName(pin),
            pin =>
            {
                var link = Show("link", pin);
                return (link.GetProperty("id").GetInt64(), link.GetProperty("prog_id").GetInt64());
            });

    private static JsonElement Show(string kind, string pin) =>
        JsonDocument.Parse(Shell.Run("bpftool", "-j", kind, "show", "pinned", pin)).RootElement.Clone();
}
