using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>The entries a slot's maps hold, as far as ztap knows them.</summary>
internal sealed record SlotContent(
    MapImage<IpcacheKey, uint> Ipcache,
    MapImage<SubjectKey, uint> Subjects,
    MapImage<IsolationKey, Isolation> Isolated,
    MapImage<BlockKey, uint> Blocks,
    MapImage<PolicyKey, PolicyValue> Policy)
{
    public static SlotContent Of(DatapathImage image) => new(image.Ipcache, image.Subjects, image.Isolated, image.Blocks, image.Policy);

    /// <summary>Whether the values are known too: content read back from the kernel has keys only.</summary>
    public bool ValuesKnown => Ipcache.ValuesKnown;

    public SlotContent With(SlotChanges changes) => new(
        Ipcache.With(changes.Ipcache),
        Subjects.With(changes.Subjects),
        Isolated.With(changes.Isolated),
        Blocks.With(changes.Blocks),
        Policy.With(changes.Policy));
}
