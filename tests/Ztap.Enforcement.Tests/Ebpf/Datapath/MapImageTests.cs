using System.Runtime.InteropServices;
using CsCheck;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

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
                Assert.True(map.Remove(key.Identity));
            }

            foreach (var (key, value) in changes.UpsertKeys.Zip(changes.UpsertValues))
            {
                map[key.Identity] = value;
            }

            Assert.Equal(after.OrderBy(e => e.Key), map.OrderBy(e => e.Key));
            Assert.Equal(after.Count(e => !before.TryGetValue(e.Key, out var old) || old != e.Value), changes.UpsertKeys.Length);
        });

    [Fact]
    public void An_image_with_the_changes_from_another_is_the_image_they_were_computed_for() =>
        Gen.Select(Maps, Maps).Sample((before, after) =>
        {
            var earlier = Image(before);
            var changed = earlier.With(Image(after).ChangesFrom(earlier));

            Assert.Equal(Image(after).Keys.ToArray(), changed.Keys.ToArray());
            Assert.Equal(Image(after).Values, changed.Values);
        });

    [Fact]
    public void Over_content_whose_values_are_unknown_every_entry_is_written()
    {
        var changes = Image(new() { [1] = 7, [2] = 0 }).ChangesFrom(MapImage<IsolationKey, uint>.KeysOnly([Key(1), Key(2), Key(3)]));

        Assert.Equal([3u], changes.Deletions.Select(k => k.Identity));
        Assert.Equal([1u, 2u], changes.UpsertKeys.Select(k => k.Identity));
    }

    [Fact]
    public void An_unchanged_image_needs_no_writes()
    {
        var content = new Dictionary<uint, uint> { [4] = 1, [9] = 2 };

        Assert.True(Image(content).ChangesFrom(Image(content)).IsEmpty);
    }

    [Fact]
    public void Keys_compare_equal_exactly_when_their_bytes_are_equal() =>
        Gen.Select(Gen.UInt[0, 3], Gen.Byte[0, 1], Gen.UInt[0, 3], Gen.Byte[0, 2], Gen.UShort[0, 3], Gen.UInt[80, 96])
            .Select((subject, direction, peer, protocol, port, length) => new PolicyKey
            {
                Subject = subject, Direction = direction, Peer = peer, Protocol = protocol, PortBigEndian = port, PrefixLength = length,
            })
            .Array[2]
            .Sample(keys =>
            {
                var bytesEqual = MemoryMarshal.AsBytes(keys.AsSpan(0, 1))
                    .SequenceEqual(MemoryMarshal.AsBytes(keys.AsSpan(1, 1)));
                Assert.Equal(bytesEqual, PolicyKey.Compare(keys[0], keys[1]) == 0);
                Assert.Equal(-Math.Sign(PolicyKey.Compare(keys[0], keys[1])), Math.Sign(PolicyKey.Compare(keys[1], keys[0])));
            });

    private static IsolationKey Key(uint identity) => new() { Identity = identity };

    private static MapImage<IsolationKey, uint> Image(Dictionary<uint, uint> content) => new([.. content.Keys.Select(Key)], [.. content.Values]);
}
