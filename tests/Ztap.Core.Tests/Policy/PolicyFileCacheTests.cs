using Ztap.Core.Policy;
using Ztap.Core.Yaml;

namespace Ztap.Core.Tests.Policy;

public sealed class PolicyFileCacheTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly PolicyFileCache _cache = new();

    public void Dispose() => _folder.Dispose();

    private static string Policy(string name, string port = "80") => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {"{"}name: {name}{"}"}
        spec:
          podSelector: {"{}"}
          ingress:
            - ports: [{"{"}port: {port}{"}"}]

        """;

    private Task<PolicyLoadResult> Load() => PolicyLoader.LoadAsync([_folder.Path], InputLimits.Default, _cache, CancellationToken.None);

    [Fact]
    public async Task Files_whose_text_is_unchanged_are_not_read_again()
    {
        _folder.Write("a.yaml", Policy("a"));
        _folder.Write("b.yaml", Policy("b"));
        var first = await Load();

        var second = await Load();

        Assert.Same(first.Policies[0], second.Policies[0]);
        Assert.Same(first.Policies[1], second.Policies[1]);
    }

    [Fact]
    public async Task A_changed_file_is_read_again_and_gives_what_a_fresh_load_gives()
    {
        _folder.Write("a.yaml", Policy("a"));
        var b = _folder.Write("b.yaml", Policy("b"));
        var first = await Load();
        await File.WriteAllTextAsync(b, Policy("b", port: "8080"));

        var second = await Load();
        var fresh = await PolicyLoader.LoadAsync([_folder.Path], CancellationToken.None);

        Assert.Same(first.Policies[0], second.Policies[0]);
        Assert.NotSame(first.Policies[1], second.Policies[1]);
        Assert.Equal(fresh.Policies[1].Ingress[0].Ports[0].Port, second.Policies[1].Ingress[0].Ports[0].Port);
    }

    [Fact]
    public async Task The_policies_of_a_changed_file_that_read_the_same_are_the_objects_read_before()
    {
        var file = _folder.Write("ab.yaml", Policy("a") + "---\n" + Policy("b"));
        var first = await Load();
        await File.WriteAllTextAsync(file, Policy("a", port: "8080") + "---\n" + Policy("b"));

        var second = await Load();

        Assert.NotSame(first.Policies[0], second.Policies[0]);
        Assert.Same(first.Policies[1], second.Policies[1]);
    }

    [Fact]
    public async Task A_policy_that_moved_to_another_line_is_read_anew_so_it_points_at_its_new_place()
    {
        var file = _folder.Write("ab.yaml", Policy("a") + "---\n" + Policy("b"));
        var first = await Load();
        await File.WriteAllTextAsync(file, "# the first of two\n" + Policy("a") + "---\n" + Policy("b"));

        var second = await Load();

        Assert.NotSame(first.Policies[1], second.Policies[1]);
        Assert.Equal(first.Policies[1].Origin.Line + 1, second.Policies[1].Origin.Line);
    }

    [Fact]
    public async Task A_file_with_its_settled_stamp_unchanged_is_not_read_again()
    {
        var settled = DateTime.UtcNow.AddMinutes(-1);
        var a = _folder.Write("a.yaml", Policy("a"));
        File.SetLastWriteTimeUtc(a, settled);
        var first = await Load();

        // Same length and time: only the bytes could tell, and a settled stamp vouches for them.
        await File.WriteAllTextAsync(a, Policy("a", port: "81"));
        File.SetLastWriteTimeUtc(a, settled);
        var second = await Load();

        Assert.Same(first.Policies[0], second.Policies[0]);
    }

    [Fact]
    public async Task A_file_modified_moments_ago_is_read_again_even_with_the_same_stamp()
    {
        // Ahead of the clock, so the stamp stays unsettled however long the first load takes.
        var recent = DateTime.UtcNow.AddMinutes(1);
        var a = _folder.Write("a.yaml", Policy("a"));
        File.SetLastWriteTimeUtc(a, recent);
        await Load();

        await File.WriteAllTextAsync(a, Policy("a", port: "81"));
        File.SetLastWriteTimeUtc(a, recent);
        var second = await Load();

        Assert.Equal(81, second.Policies[0].Ingress[0].Ports[0].Port);
    }

    [Fact]
    public async Task A_file_with_errors_reports_them_again_when_unchanged()
    {
        _folder.Write("bad.yaml", Policy("a").Replace("ingress:", "ingres:", StringComparison.Ordinal));

        var first = await Load();
        var second = await Load();

        Assert.True(first.HasErrors);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_removed_file_is_gone_from_the_next_load()
    {
        _folder.Write("a.yaml", Policy("a"));
        var b = _folder.Write("b.yaml", Policy("b"));
        await Load();
        File.Delete(b);

        var second = await Load();

        Assert.Equal(["a"], second.Policies.Select(p => p.Name));
    }

    [Fact]
    public async Task A_name_an_edit_defines_twice_is_reported_and_loads_clean_again_once_renamed()
    {
        _folder.Write("a.yaml", Policy("a"));
        var b = _folder.Write("b.yaml", Policy("b"));
        _folder.Write("c.yaml", Policy("c"));
        await Load();

        await File.WriteAllTextAsync(b, Policy("a"));
        var twice = await Load();
        await File.WriteAllTextAsync(b, Policy("b", port: "8080"));
        var renamed = await Load();
        var fresh = await PolicyLoader.LoadAsync([_folder.Path], CancellationToken.None);

        Assert.Contains(twice.Diagnostics, d => d.Message.Contains("policy default/a is defined twice", StringComparison.Ordinal));
        Assert.Equal(["a", "c"], twice.Policies.Select(p => p.Name));
        Assert.False(renamed.HasErrors);
        Assert.Equal(fresh.Policies.Select(p => p.Name), renamed.Policies.Select(p => p.Name));
    }

    [Fact]
    public async Task A_name_moved_from_one_file_to_another_in_one_edit_is_no_duplicate()
    {
        var a = _folder.Write("a.yaml", Policy("a") + "---\n" + Policy("moved"));
        var b = _folder.Write("b.yaml", Policy("b"));
        await Load();

        await File.WriteAllTextAsync(a, Policy("a"));
        await File.WriteAllTextAsync(b, Policy("b") + "---\n" + Policy("moved"));
        var moved = await Load();

        Assert.False(moved.HasErrors, string.Join("\n", moved.Diagnostics));
        Assert.Equal(["a", "b", "moved"], moved.Policies.Select(p => p.Name));
    }
}
