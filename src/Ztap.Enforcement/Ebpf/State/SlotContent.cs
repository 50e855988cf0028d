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
}
