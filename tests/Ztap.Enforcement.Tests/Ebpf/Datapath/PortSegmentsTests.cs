using CsCheck;
using Ztap.Enforcement.Ebpf.Datapath;

namespace Ztap.Enforcement.Tests.Ebpf.Datapath;

public sealed class PortSegmentsTests
{
    private static readonly Gen<List<(int From, int To, int Rule)>> RangeLists =
        Gen.Select(Gen.Int[0, 300], Gen.Int[0, 40], Gen.Int[0, 9])
            .Select((from, length, rule) => (from, Math.Min(from + length, 320), rule))
            .List[1, 6];

    [Fact]
    public void Each_port_keeps_the_lowest_rule_of_the_ranges_covering_it() => RangeLists.Sample(ranges =>
    {
        var segments = PortSegments.Flatten(ranges);

        for (var port = 0; port <= 330; port++)
        {
            var covering = ranges.Where(r => r.From <= port && port <= r.To).Select(r => r.Rule).DefaultIfEmpty(-1).Min();
            var segment = segments.Where(s => s.From <= port && port <= s.To).Select(s => s.Rule).DefaultIfEmpty(-1).Single();
            Assert.Equal(covering, segment);
        }
    });

    [Fact]
    public void Segments_are_disjoint_and_neighbours_with_the_same_rule_are_merged() => RangeLists.Sample(ranges =>
    {
        var segments = PortSegments.Flatten(ranges);

        Assert.All(segments.Zip(segments.Skip(1)), pair =>
        {
            Assert.True(pair.First.To < pair.Second.From);
            Assert.False(pair.First.To + 1 == pair.Second.From && pair.First.Rule == pair.Second.Rule);
        });
    });
}
