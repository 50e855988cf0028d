using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Replaces maps that a build of ztap with another datapath layout pinned, without a moment of
/// lifted enforcement. This build's maps of another shape are created under
/// <c>PIN_ROOT/replacing</c>, while the programs attached keep reading the old ones; the version is
/// written into them, each link then swaps its program in one step, and only then do the new maps
/// take the old ones' pins, which frees the old maps. Maps of the same shape, conntrack among them,
/// are shared, so established flows keep their state.
/// </summary>
/// <remarks>
/// ztap_config and ztap_settings are always replaced too: the old programs would otherwise switch to
/// the new version's slot, in maps they do not read. The new switch continues the old generation
/// numbers, so no conntrack entry the old programs left passes as decided by the new version. A
/// crash leaves the old pins, or some of the new ones, and the folder; the next apply starts again
/// and swaps every link once more.
/// </remarks>
internal static class DatapathReplacement
{
    private static readonly string[] Switch = ["ztap_config", "ztap_settings"];

    /// <summary>Where replacements wait, under the pin root.</summary>
    public static string Folder(string pinRoot) => Path.Join(pinRoot, "replacing");

    /// <summary>
    /// Points each map of an opened datapath object whose pin another layout holds, and the switch
    /// with them, at the replacement folder, where loading creates and pins it; false when every
    /// pinned map fits.
    /// </summary>
    public static bool Redirect(nint bpfObject, string pinRoot)
    {
        var pinnedMaps = new List<(nint Map, string Name)>();
        for (var map = LibBpf.ObjectNextMap(bpfObject, 0); map != 0; map = LibBpf.ObjectNextMap(bpfObject, map))
        {
            if (Marshal.PtrToStringUTF8(LibBpf.MapPinPath(map)) is { } path)
            {
                pinnedMaps.Add((map, Path.GetFileName(path)));
            }
        }

        var otherShape = pinnedMaps.Where(m => HasOtherShape(Path.Join(pinRoot, m.Name), MapShape.Of(m.Map))).Select(m => m.Name).ToHashSet();
        if (otherShape.Count == 0)
        {
            return false;
        }

        // What an interrupted replacement left is made again: it may hold half a version.
        Discard(pinRoot);
        Directory.CreateDirectory(Folder(pinRoot));
        foreach (var (map, name) in pinnedMaps)
        {
            if (Switch.Contains(name) || otherShape.Contains(name))
            {
                SetPinPath(map, Path.Join(Folder(pinRoot), name));
            }
        }

        return true;
    }

    /// <summary>Continues the generation numbers of the switch being replaced in the new one, before the first version is installed.</summary>
    public static void ContinueGenerations(string pinRoot, PinnedMaps maps)
    {
        using var old = BpfMap.OpenPinned(Path.Join(pinRoot, "ztap_config"));
        if (old is not null && old.Shape() is { KeySize: sizeof(uint), ValueSize: sizeof(uint) } && old.TryLookup(0u, out uint generation))
        {
            maps.Config.Update(0u, generation);
        }
    }

    /// <summary>Moves the replacements over the old pins, once the programs attached read them.</summary>
    public static void Complete(string pinRoot)
    {
        var folder = Folder(pinRoot);

        // rename(2) on bpffs: the pin path names the old map until it names the new one. The switch
        // goes first: a crash midway then leaves maps of the old shape, which the next apply
        // replaces again, and never the old switch, with its slot snapshots, over new slots.
        foreach (var pin in Directory.EnumerateFiles(folder).OrderBy(pin => Switch.Contains(Path.GetFileName(pin)) ? 0 : 1))
        {
            File.Move(pin, Path.Join(pinRoot, Path.GetFileName(pin)), overwrite: true);
        }

        Directory.Delete(folder);
    }

    /// <summary>Unpins the replacements an interrupted apply left.</summary>
    public static void Discard(string pinRoot)
    {
        var folder = Folder(pinRoot);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool HasOtherShape(string pin, MapShape shape)
    {
        using var pinned = BpfMap.OpenPinned(pin);
        return pinned is not null && pinned.Shape() != shape;
    }

    private static unsafe void SetPinPath(nint map, string path)
    {
        var bytes = Marshal.StringToCoTaskMemUTF8(path);
        try
        {
            var result = LibBpf.MapSetPinPath(map, (byte*)bytes);
            if (result < 0)
            {
                throw new EnforcementException(EnforcementFailure.KernelError, $"pinning the datapath map {Path.GetFileName(path)} at {path}: {Errno.Describe(Errno.Of(result))}");
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(bytes);
        }
    }
}
