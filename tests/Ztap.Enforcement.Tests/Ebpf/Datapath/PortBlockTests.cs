using CsCheck;
using Ztap.Enforcement.Ebpf.Datapath;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

public sealed class PortBlockTests
{
    private static readonly Gen<(int From, int To)> Ranges =
        Gen.Select(Gen.Int[0, ushort.MaxValue], Gen.Int[0, ushort.MaxValue]).Select((a, b) => (Math.Min(a, b), Math.Max(a, b)));

    [Fact]
    public void A_range_becomes_aligned_blocks_that_cover_exactly_its_ports() => Ranges.Sample(range =>
    {
        var blocks = PortBlock.Cover(range.From, range.To).ToList();

        Assert.Equal(range.From, (int)blocks[0].First);
        Assert.Equal(range.To, blocks[^1].Last);
        Assert.All(blocks.Zip(blocks.Skip(1)), pair => Assert.Equal(pair.First.Last + 1, pair.Second.First));
        Assert.All(blocks, block => Assert.Equal(0, block.First % (1 << (16 - block.PrefixLength))));
        Assert.InRange(blocks.Count, 1, 30);
    });

    [Fact]
    public void A_single_port_is_one_full_length_block()
    {
        Assert.Equal([new PortBlock(443, 16)], PortBlock.Cover(443, 443));
    }

    [Fact]
    public void Every_port_is_one_zero_length_block()
    {
        Assert.Equal([new PortBlock(0, 0)], PortBlock.Cover(0, ushort.MaxValue));
    }

    [Fact]
    public void An_endport_range_takes_the_fewest_blocks()
    {
        Assert.Equal([new PortBlock(8000, 15), new PortBlock(8002, 16)], PortBlock.Cover(8000, 8002));
    }
}
