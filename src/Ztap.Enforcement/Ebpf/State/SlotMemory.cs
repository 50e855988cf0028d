using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

using Ztap.Core.Files;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>
/// What this process last wrote into each slot, so a long-running agent diffs against memory
/// instead of reading the slot's snapshot back from disk. Trusted on the terms of the snapshot
/// itself (the kernel records the same generation for the slot) and only while the snapshot file
/// is the one this process wrote: any other ztap that touches the slot rewrites or removes it.
/// </summary>
internal sealed class SlotMemory
{
    private readonly Written?[] _slots = new Written?[2];

    /// <summary>
    /// The arrays of the images a slot no longer holds, and the other slot does not share, for
    /// later images to be built in.
    /// </summary>
    public RetiredArrays Retired { get; } = new();

    /// <summary>The slot's content as written at that generation, or null when memory cannot vouch for it.</summary>
    public SlotContent? Recall(string stateDirectory, int slot, uint generation) =>
        _slots[slot] is { } written && generation != 0 && written.Generation == generation
            && written.Stamp == FileStamp.Of(SlotSnapshot.PathOf(stateDirectory, slot))
            ? written.Content
            : null;

    /// <summary>Remembers the entries alone, not the image: its set, and with it an inventory, may be long replaced when the slot is next written.</summary>
    public void Remember(string stateDirectory, int slot, uint generation, DatapathImage image)
    {
        var before = _slots[slot]?.Content;
        var content = SlotContent.Of(image);
        _slots[slot] = new Written(generation, content, FileStamp.Of(SlotSnapshot.PathOf(stateDirectory, slot)));
        if (before is not null)
        {
            var other = _slots[1 - slot]?.Content;
            Retire(before.Isolated, content.Isolated, other?.Isolated);
            Retire(before.Blocks, content.Blocks, other?.Blocks);
            Retire(before.Policy, content.Policy, other?.Policy);
        }
    }

    // An image that edits leave in place (the ipcache) or that both slots hold is still in use.
    private void Retire<TKey, TValue>(MapImage<TKey, TValue> image, MapImage<TKey, TValue> current, MapImage<TKey, TValue>? other)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        if (!ReferenceEquals(image, current) && !ReferenceEquals(image, other))
        {
            Retired.Retire(image);
        }
    }

    private sealed record Written(uint Generation, SlotContent Content, FileStamp? Stamp);
}
