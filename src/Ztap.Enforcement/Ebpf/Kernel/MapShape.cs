using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// What libbpf compares before it reuses a pinned map for a map of the datapath object: a map of
/// another shape cannot serve this build's programs.
/// </summary>
internal readonly record struct MapShape(uint Type, uint KeySize, uint ValueSize, uint MaxEntries, uint Flags)
{
    /// <summary>The shape a map of an opened, not yet loaded, datapath object will be created with.</summary>
    public static MapShape Of(nint objectMap) => new(
        LibBpf.MapType(objectMap),
        LibBpf.MapKeySize(objectMap),
        LibBpf.MapValueSize(objectMap),
        LibBpf.MapMaxEntries(objectMap),
        LibBpf.MapFlags(objectMap));
}
