namespace Ztap.Cli.Agent;

/// <summary>
/// Collects the garbage an apply leaves, and decides how much of the free memory to hand back.
/// An apply that replaced most of what the agent holds (the first one, a new inventory, many
/// policies changed) leaves several times the set's size in garbage: an aggressive
/// collection returns all free pages to the system. After a small edit a full collection that
/// keeps the pages the collector expects to reuse frees as much, and the next edit does not fault
/// those pages in again: on hosts where a page fault is dear (page-table isolation without PCID,
/// some virtual machines: about 20 µs each) that refaulting was most of an edit's reload time.
/// What it keeps is bounded: beyond a quarter of the live heap the pages are handed back too.
/// </summary>
internal sealed class AfterApplyCollection
{
    // Nothing is known of the heap before the first collection: the first apply always gives back.
    private long _heapAfterLast;

    /// <param name="allocated">The bytes allocated while reading, compiling and installing the version.</param>
    public void Collect(long allocated)
    {
        var mode = ModeFor(allocated, _heapAfterLast);
        GC.Collect(GC.MaxGeneration, mode, blocking: true, compacting: true);
        var live = GC.GetTotalMemory(forceFullCollection: false);
        if (mode == GCCollectionMode.Forced && KeepsTooMuch(GC.GetGCMemoryInfo().TotalCommittedBytes, live))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        _heapAfterLast = live;
    }

    /// <summary>Aggressive when the apply allocated more than a third of the heap the last collection left.</summary>
    internal static GCCollectionMode ModeFor(long allocated, long heapAfterLast) =>
        // With 10,000 policies (a heap of 90-95 MB) a port moved, a rule or a policy added in one
        // file allocates 13-20 MB, an update compiled in full (a new inventory, many policies
        // changed) 90-115 MB, the first apply several hundred. What the collector keeps grows with what was allocated:
        // kept after such a large apply it was 200-210 MB resident instead of 150.
        allocated > heapAfterLast / 3 ? GCCollectionMode.Aggressive : GCCollectionMode.Forced;

    /// <summary>Whether the collector kept more than a quarter of the live heap in free pages.</summary>
    internal static bool KeepsTooMuch(long committed, long live) =>
        // With 10,000 policies a port moved kept 7-21 MB over a live heap of 94 MB; with the
        // metrics endpoint, whose counter reading before each apply allocates 10 MB more, 28-32 MB
        // over 109 MB, 30 MB more resident than handing them back.
        committed - live > live / 4;
}
