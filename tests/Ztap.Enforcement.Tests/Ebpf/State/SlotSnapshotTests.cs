using Ztap.Core.Compiler;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.State;
using Ztap.Enforcement.Tests.Ebpf.Datapath;

namespace Ztap.Enforcement.Tests.Ebpf.State;

public sealed class SlotSnapshotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ztap-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Changes_appended_to_a_snapshot_read_back_as_the_content_they_lead_to()
    {
        var (first, second, third) = Versions();
        SlotSnapshot.Write(_directory, 1, 3, first, changes: null);
        SlotSnapshot.Write(_directory, 1, 5, second, SlotChanges.Between(SlotContent.Of(first), second));
        var size = new FileInfo(SlotSnapshot.PathOf(_directory, 1)).Length;
        SlotSnapshot.Write(_directory, 1, 7, third, SlotChanges.Between(SlotContent.Of(second), third));

        AssertHolds(third, SlotSnapshot.Read(_directory, 1, 7));
        Assert.True(new FileInfo(SlotSnapshot.PathOf(_directory, 1)).Length < 2 * size, "the changes were not appended");
        Assert.Null(SlotSnapshot.Read(_directory, 1, 5));
    }

    [Fact]
    public void A_snapshot_whose_last_record_was_cut_short_is_not_trusted()
    {
        var (first, second, _) = Versions();
        SlotSnapshot.Write(_directory, 0, 2, first, changes: null);
        SlotSnapshot.Write(_directory, 0, 4, second, SlotChanges.Between(SlotContent.Of(first), second));
        var path = SlotSnapshot.PathOf(_directory, 0);

        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 3);
        }

        Assert.Null(SlotSnapshot.Read(_directory, 0, 4));
        Assert.Null(SlotSnapshot.Read(_directory, 0, 2));
    }

    [Fact]
    public void After_many_change_records_the_content_is_written_afresh_and_reads_the_same()
    {
        var (first, second, _) = Versions();
        SlotSnapshot.Write(_directory, 1, 1, first, changes: null);
        var contentOnly = new FileInfo(SlotSnapshot.PathOf(_directory, 1)).Length;
        var sizes = new List<long>();
        for (var generation = 3u; generation < 3 + 40; generation += 2)
        {
            var (from, to) = generation % 4 == 3 ? (first, second) : (second, first);
            SlotSnapshot.Write(_directory, 1, generation, to, SlotChanges.Between(SlotContent.Of(from), to));
            sizes.Add(new FileInfo(SlotSnapshot.PathOf(_directory, 1)).Length);
            AssertHolds(to, SlotSnapshot.Read(_directory, 1, generation));
        }

        // Written afresh at least once: the file shrank back to about its content.
        Assert.Contains(Enumerable.Range(1, sizes.Count - 1), i => sizes[i] < sizes[i - 1]);
        Assert.True(sizes.Max() < 2 * contentOnly, $"the snapshot grew to {sizes.Max()} bytes from {contentOnly}");
    }

    [Fact]
    public void Content_is_written_afresh_when_no_changes_are_given()
    {
        var (first, second, _) = Versions();
        SlotSnapshot.Write(_directory, 0, 2, first, changes: null);
        SlotSnapshot.Write(_directory, 0, 4, second, changes: null);

        AssertHolds(second, SlotSnapshot.Read(_directory, 0, 4));
    }

    // The sample estate, a port moved in it, and a policy's selector moved to other workloads.
    private static (DatapathImage, DatapathImage, DatapathImage) Versions()
    {
        var set = SampleEstate.Compile();
        var policies = set.Policies.ToArray();
        var rule = policies[0].Ingress[0];
        policies[0] = policies[0] with { Ingress = policies[0].Ingress.SetItem(0, rule with { Ports = rule.Ports.SetItem(0, rule.Ports[0] with { Port = 81 }) }) };
        var moved = PolicyCompiler.Compile(policies.ToArray(), set.Inventory, set);
        policies[1] = policies[1] with { PodSelector = policies[0].PodSelector };
        var selected = PolicyCompiler.Compile(policies, set.Inventory, moved);
        return (DatapathImage.Build(set, []), DatapathImage.Build(moved, []), DatapathImage.Build(selected, []));
    }

    private static void AssertHolds(DatapathImage image, SlotContent? content)
    {
        Assert.NotNull(content);
        Assert.Equal(image.Ipcache.Keys.ToArray(), content.Ipcache.Keys.ToArray());
        Assert.Equal(image.Subjects.Keys.ToArray(), content.Subjects.Keys.ToArray());
        Assert.Equal(image.Isolated.Keys.ToArray(), content.Isolated.Keys.ToArray());
        Assert.Equal(image.Isolated.Values.ToArray(), content.Isolated.Values.ToArray());
        Assert.Equal(image.Blocks.Keys.ToArray(), content.Blocks.Keys.ToArray());
        Assert.Equal(image.Policy.Keys.ToArray(), content.Policy.Keys.ToArray());
        Assert.Equal(image.Policy.Values.ToArray(), content.Policy.Values.ToArray());
    }
}
