using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.State;

/// <summary>What turns a slot's maps from the entries they hold into a new version's.</summary>
internal sealed record SlotChanges(
    MapChanges<IpcacheKey, uint> Ipcache,
    MapChanges<SubjectKey, uint> Subjects,
    MapChanges<IsolationKey, Isolation> Isolated,
    MapChanges<BlockKey, uint> Blocks,
    MapChanges<PolicyKey, PolicyValue> Policy)
{
    public static SlotChanges Between(SlotContent held, DatapathImage image) => new(
        image.Ipcache.ChangesFrom(held.Ipcache),
        image.Subjects.ChangesFrom(held.Subjects),
        image.Isolated.ChangesFrom(held.Isolated),
        image.Blocks.ChangesFrom(held.Blocks),
        image.Policy.ChangesFrom(held.Policy));
}
