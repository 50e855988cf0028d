using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// The compiled datapath (bpf/ztap.bpf.c) embedded in this assembly, loaded into the kernel with
/// its maps pinned by name under the pin root; maps already pinned there are reused, so loading
/// again keeps the policy and conntrack state the running programs use. Pinned maps of another
/// shape, which another build of ztap left, are replaced (<see cref="DatapathReplacement"/>).
/// </summary>
internal sealed unsafe class DatapathObject : IDisposable
{
    private const string ResourceName = "ztap.bpf.o";

    private readonly nint _object;

    // The maps whose pinning waits for PinMaps, with where each goes.
    private readonly List<(nint Map, string Path)> _unpinned;

    private DatapathObject(nint bpfObject, List<(nint Map, string Path)> unpinned, bool replaces)
    {
        _object = bpfObject;
        _unpinned = unpinned;
        ReplacesMaps = replaces;
    }

    /// <summary>
    /// The SHA-256 of the embedded object, recorded so a changed datapath is reloaded. Taken once:
    /// every apply asks for it, and the object is 300 KB to copy out and hash.
    /// </summary>
    public static string Digest { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes()));

    /// <summary>Whether some of the maps are replacements, pinned under <see cref="DatapathReplacement.Folder"/> until completed.</summary>
    public bool ReplacesMaps { get; }

    /// <summary>Loads the datapath, reusing the maps pinned under the pin root and pinning the others.</summary>
    public static DatapathObject Load(string pinRoot) => Load(pinRoot, pinLater: false);

    /// <summary>
    /// Loads the datapath with maps of its own, pinned only by <see cref="PinMaps"/>, for a pin root
    /// that holds none: until then nothing of it is visible outside this process, and disposing it
    /// frees it all, so loading can run alongside work that may still refuse the version.
    /// </summary>
    public static DatapathObject LoadUnpinned(string pinRoot) => Load(pinRoot, pinLater: true);

    /// <summary>Pins the maps an unpinned load held back, where a pinned load would have.</summary>
    public void PinMaps()
    {
        foreach (var (map, path) in _unpinned)
        {
            var result = LibBpf.MapPin(map, path);
            if (result < 0)
            {
                throw new EnforcementException(EnforcementFailure.KernelError, $"pinning the datapath map {path}: {Errno.Describe(Errno.Of(result))}");
            }
        }

        _unpinned.Clear();
    }

    private static DatapathObject Load(string pinRoot, bool pinLater)
    {
        var bytes = Bytes();
        var name = Marshal.StringToCoTaskMemUTF8("ztap");
        var root = Marshal.StringToCoTaskMemUTF8(pinRoot);
        using var log = LibBpfLog.Capture();
        try
        {
            var options = new BpfObjectOpenOptions { Size = (nuint)sizeof(BpfObjectOpenOptions), ObjectName = name, PinRootPath = root };
            nint bpfObject;

            // libbpf parses the buffer in place: it stays pinned until load has returned.
            fixed (byte* buffer = bytes)
            {
                bpfObject = LibBpf.ObjectOpenMem(buffer, (nuint)bytes.Length, &options);
                if (bpfObject == 0)
                {
                    throw Failure("opening the embedded datapath object", Marshal.GetLastPInvokeError(), log);
                }

                List<(nint, string)> unpinned;
                bool replaces;
                try
                {
                    unpinned = pinLater ? HoldBackPins(bpfObject) : [];
                    replaces = !pinLater && DatapathReplacement.Redirect(bpfObject, pinRoot);
                }
                catch
                {
                    LibBpf.ObjectClose(bpfObject);
                    throw;
                }

                var result = LibBpf.ObjectLoad(bpfObject);
                if (result < 0)
                {
                    LibBpf.ObjectClose(bpfObject);
                    throw Failure("loading the datapath into the kernel", Errno.Of(result), log);
                }

                return new DatapathObject(bpfObject, unpinned, replaces);
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
            Marshal.FreeCoTaskMem(root);
        }
    }

    public nint Program(string name)
    {
        var program = LibBpf.ObjectFindProgram(_object, name);
        return program != 0
            ? program
            : throw new EnforcementException(EnforcementFailure.KernelError, $"the datapath object has no program {name}");
    }

    public void Dispose() => LibBpf.ObjectClose(_object);

    /// <summary>Clears the pin path libbpf gave each map at open, so loading pins none; returns them.</summary>
    private static List<(nint Map, string Path)> HoldBackPins(nint bpfObject)
    {
        var held = new List<(nint, string)>();
        for (var map = LibBpf.ObjectNextMap(bpfObject, 0); map != 0; map = LibBpf.ObjectNextMap(bpfObject, map))
        {
            if (Marshal.PtrToStringUTF8(LibBpf.MapPinPath(map)) is { } path && LibBpf.MapSetPinPath(map, null) == 0)
            {
                held.Add((map, path));
            }
        }

        return held;
    }

    private static byte[] Bytes()
    {
        using var stream = typeof(DatapathObject).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing: the build compiles it from bpf/");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static EnforcementException Failure(string doing, int errno, LibBpfLog log)
    {
        var failure = errno == Errno.Eperm ? EnforcementFailure.NotPermitted : EnforcementFailure.KernelError;
        var detail = string.IsNullOrWhiteSpace(log.Tail) ? "" : "\nlibbpf said:\n" + log.Tail.TrimEnd();
        return new EnforcementException(failure, $"{doing}: {Errno.Describe(errno)}{detail}");
    }
}
