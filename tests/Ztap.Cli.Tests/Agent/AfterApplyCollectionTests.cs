using Ztap.Cli.Agent;

namespace Ztap.Cli.Tests.Agent;

public sealed class AfterApplyCollectionTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void The_first_apply_gives_every_free_page_back()
    {
        Assert.Equal(GCCollectionMode.Aggressive, AfterApplyCollection.ModeFor(400 * MiB, heapAfterLast: 0));
    }

    [Fact]
    public void A_small_edit_keeps_the_pages_the_next_edit_reuses()
    {
        Assert.Equal(GCCollectionMode.Forced, AfterApplyCollection.ModeFor(20 * MiB, heapAfterLast: 94 * MiB));
    }

    [Fact]
    public void An_apply_that_replaced_most_of_the_set_gives_every_free_page_back()
    {
        Assert.Equal(GCCollectionMode.Aggressive, AfterApplyCollection.ModeFor(90 * MiB, heapAfterLast: 94 * MiB));
    }

    [Fact]
    public void Free_pages_up_to_a_quarter_of_the_live_heap_are_kept()
    {
        Assert.False(AfterApplyCollection.KeepsTooMuch(committed: 115 * MiB, live: 94 * MiB));
        Assert.True(AfterApplyCollection.KeepsTooMuch(committed: 139 * MiB, live: 109 * MiB));
    }
}
