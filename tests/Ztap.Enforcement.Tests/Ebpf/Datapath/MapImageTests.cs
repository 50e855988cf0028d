using CsCheck;
using Ztap.Enforcement.Ebpf.Datapath;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

public sealed class MapImageTests
{
    private static readonly Gen<Dictionary<uint, uint>> Maps = Gen.Dictionary(Gen.UInt[0, 50], Gen.UInt[0, 3])[0, 30];

    [Fact]
    public void Applying_the_changes_to_the_previous_content_gives_the_new_content() =>
        Gen.Select(Maps, Maps).Sample((before, after) =>
        {
            var changes = Image(after).ChangesFrom(Image(before));
            var map = new Dictionary<uint, uint>(before);
            foreach (var key in changes.Deletions)
            {
                Assert.True(map.Remove(key));
            }

            foreach (var (key, value) in changes.UpsertKeys.Zip(changes.UpsertValues))
            {
                map[key] = value;
            }

            Assert.Equal(after.OrderBy(e => e.Key), map.OrderBy(e => e.Key));
            Assert.Equal(after.Count(e => !before.TryGetValue(e.Key, out var old) || old != e.Value), changes.UpsertKeys.Length);
        });

    [Fact]
    public void Over_content_whose_values_are_unknown_every_entry_is_written()
    {
        var changes = Image(new() { [1] = 7, [2] = 0 }).ChangesFrom(MapImage<uint, uint>.KeysOnly([1, 2, 3]));

        Assert.Equal([3u], changes.Deletions);
        Assert.Equal([1u, 2u], changes.UpsertKeys);
    }

    [Fact]
    public void An_unchanged_image_needs_no_writes()
    {
        var content = new Dictionary<uint, uint> { [4] = 1, [9] = 2 };

        Assert.True(Image(content).ChangesFrom(Image(content)).IsEmpty);
    }

    private static MapImage<uint, uint> Image(Dictionary<uint, uint> content) => new([.. content.Keys], [.. content.Values]);
}
