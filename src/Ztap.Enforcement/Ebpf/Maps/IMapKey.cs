namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>
/// A map key with the order its images are kept in. The order follows the fields from the most
/// to the least significant, the way <see cref="Datapath.DatapathImage"/> produces entries, so a
/// freshly built image is in order already and is checked in one pass instead of sorted; the
/// kernel does not care about the order, only two images being compared by a merge do.
/// </summary>
internal interface IMapKey<TKey>
    where TKey : unmanaged, IMapKey<TKey>
{
    static abstract int Compare(in TKey left, in TKey right);
}
