using System.Net;
using Ztap.Core.Inventory;

namespace Ztap.Core.Tests.Inventory;

public sealed class InventoryReuseTests : IDisposable
{
    private const string Inventory = """
        workloads:
          - name: web-1
            ips: [10.0.1.1]
            labels: {app: web}
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ztap-inventory-reuse-{Guid.NewGuid():N}.yaml");

    public InventoryReuseTests() => File.WriteAllText(_path, Inventory);

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task An_unchanged_file_hands_back_the_previous_result_itself()
    {
        var source = new InventoryFileSource(_path);
        var first = await source.LoadAsync(previous: null, CancellationToken.None);
        var second = await source.LoadAsync(first, CancellationToken.None);

        Assert.Equal(32, first.SourceDigest.Length);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_changed_file_is_read_again()
    {
        var source = new InventoryFileSource(_path);
        var first = await source.LoadAsync(previous: null, CancellationToken.None);
        await File.WriteAllTextAsync(_path, Inventory.Replace("10.0.1.1", "10.0.1.2", StringComparison.Ordinal));

        var second = await source.LoadAsync(first, CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.NotEqual(first.SourceDigest, second.SourceDigest);
        Assert.NotNull(second.Inventory.FindByAddress(IPAddress.Parse("10.0.1.2")));
    }

    [Fact]
    public async Task A_changed_file_takes_its_unchanged_workloads_as_they_were_read()
    {
        await File.WriteAllTextAsync(_path, Inventory + "\n");
        var source = new InventoryFileSource(_path);
        var first = await source.LoadAsync(previous: null, CancellationToken.None);
        await File.WriteAllTextAsync(_path, Inventory + "\n  - name: web-2\n    ips: [10.0.1.2]\n");

        var second = await source.LoadAsync(first, CancellationToken.None);

        Assert.Equal(["web-1", "web-2"], second.Inventory.Workloads.Select(w => w.Name));
        Assert.Same(first.Inventory.Workloads[0], second.Inventory.Workloads[0]);
    }

    [Fact]
    public async Task A_file_with_its_settled_stamp_unchanged_is_not_read_again()
    {
        var settled = DateTime.UtcNow.AddMinutes(-1);
        File.SetLastWriteTimeUtc(_path, settled);
        var source = new InventoryFileSource(_path);
        var first = await source.LoadAsync(previous: null, CancellationToken.None);

        // Same length and time: only the bytes could tell, and a settled stamp vouches for them.
        await File.WriteAllTextAsync(_path, Inventory.Replace("10.0.1.1", "10.0.1.9", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(_path, settled);
        var second = await source.LoadAsync(first, CancellationToken.None);

        Assert.True(first.SourceStamp!.Settled);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_file_modified_moments_ago_is_read_again_even_with_the_same_stamp()
    {
        // Ahead of the clock, so the stamp stays unsettled however long the first load takes.
        var recent = DateTime.UtcNow.AddMinutes(1);
        File.SetLastWriteTimeUtc(_path, recent);
        var source = new InventoryFileSource(_path);
        var first = await source.LoadAsync(previous: null, CancellationToken.None);

        await File.WriteAllTextAsync(_path, Inventory.Replace("10.0.1.1", "10.0.1.9", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(_path, recent);
        var second = await source.LoadAsync(first, CancellationToken.None);

        Assert.Null(first.SourceStamp);
        Assert.NotNull(second.Inventory.FindByAddress(IPAddress.Parse("10.0.1.9")));
    }

    [Fact]
    public async Task A_plain_load_keeps_no_digest()
    {
        var result = await new InventoryFileSource(_path).LoadAsync(CancellationToken.None);

        Assert.True(result.SourceDigest.IsDefault);
        Assert.Null(result.WorkloadTexts);
    }
}
