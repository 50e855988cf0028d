using System.Runtime.InteropServices;

namespace Ztap.Enforcement.Ebpf.Native;

/// <summary>
/// libbpf 1.1 (libbpf.so.1), the only place ztap calls it. In 1.x every <c>int</c> call returns a
/// negative errno and every pointer call returns null and sets errno.
/// </summary>
internal static unsafe partial class LibBpf
{
    private const string Library = "libbpf.so.1";

    public const ulong BpfAny = 0;

    [LibraryImport(Library, EntryPoint = "bpf_object__open_mem", SetLastError = true)]
    public static partial nint ObjectOpenMem(void* buffer, nuint size, BpfObjectOpenOptions* options);

    [LibraryImport(Library, EntryPoint = "bpf_object__load", SetLastError = true)]
    public static partial int ObjectLoad(nint bpfObject);

    [LibraryImport(Library, EntryPoint = "bpf_object__close")]
    public static partial void ObjectClose(nint bpfObject);

    [LibraryImport(Library, EntryPoint = "bpf_object__find_program_by_name", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ObjectFindProgram(nint bpfObject, string name);

    [LibraryImport(Library, EntryPoint = "bpf_object__next_map")]
    public static partial nint ObjectNextMap(nint bpfObject, nint previous);

    [LibraryImport(Library, EntryPoint = "bpf_map__pin_path")]
    public static partial nint MapPinPath(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_pin_path", SetLastError = true)]
    public static partial int MapSetPinPath(nint map, byte* path);

    [LibraryImport(Library, EntryPoint = "bpf_map__pin", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int MapPin(nint map, string path);

    [LibraryImport(Library, EntryPoint = "bpf_map__type")]
    public static partial uint MapType(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__key_size")]
    public static partial uint MapKeySize(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__value_size")]
    public static partial uint MapValueSize(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__max_entries")]
    public static partial uint MapMaxEntries(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__map_flags")]
    public static partial uint MapFlags(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_cgroup", SetLastError = true)]
    public static partial nint ProgramAttachCgroup(nint program, int cgroupFd);

    [LibraryImport(Library, EntryPoint = "bpf_program__fd")]
    public static partial int ProgramFd(nint program);

    [LibraryImport(Library, EntryPoint = "bpf_link__open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint LinkOpen(string path);

    [LibraryImport(Library, EntryPoint = "bpf_link__pin", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int LinkPin(nint link, string path);

    [LibraryImport(Library, EntryPoint = "bpf_link__unpin", SetLastError = true)]
    public static partial int LinkUnpin(nint link);

    [LibraryImport(Library, EntryPoint = "bpf_link__detach", SetLastError = true)]
    public static partial int LinkDetach(nint link);

    [LibraryImport(Library, EntryPoint = "bpf_link__update_program", SetLastError = true)]
    public static partial int LinkUpdateProgram(nint link, nint program);

    [LibraryImport(Library, EntryPoint = "bpf_link__destroy")]
    public static partial int LinkDestroy(nint link);

    [LibraryImport(Library, EntryPoint = "bpf_obj_get", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ObjGet(string path);

    [LibraryImport(Library, EntryPoint = "bpf_obj_get_info_by_fd", SetLastError = true)]
    public static partial int ObjGetInfoByFd(int fd, void* info, uint* infoLength);

    [LibraryImport(Library, EntryPoint = "bpf_map_update_elem", SetLastError = true)]
    public static partial int MapUpdate(int fd, void* key, void* value, ulong flags);

    [LibraryImport(Library, EntryPoint = "bpf_map_lookup_elem", SetLastError = true)]
    public static partial int MapLookup(int fd, void* key, void* value);

    [LibraryImport(Library, EntryPoint = "bpf_map_delete_elem", SetLastError = true)]
    public static partial int MapDelete(int fd, void* key);

    [LibraryImport(Library, EntryPoint = "bpf_map_get_next_key", SetLastError = true)]
    public static partial int MapGetNextKey(int fd, void* key, void* nextKey);

    [LibraryImport(Library, EntryPoint = "bpf_map_update_batch", SetLastError = true)]
    public static partial int MapUpdateBatch(int fd, void* keys, void* values, uint* count, void* options);

    [LibraryImport(Library, EntryPoint = "bpf_map_delete_batch", SetLastError = true)]
    public static partial int MapDeleteBatch(int fd, void* keys, uint* count, void* options);

    [LibraryImport(Library, EntryPoint = "bpf_map_lookup_batch", SetLastError = true)]
    public static partial int MapLookupBatch(int fd, void* inBatch, void* outBatch, void* keys, void* values, uint* count, void* options);

    [LibraryImport(Library, EntryPoint = "libbpf_num_possible_cpus")]
    public static partial int NumPossibleCpus();

    [LibraryImport(Library, EntryPoint = "libbpf_set_print")]
    public static partial nint SetPrint(delegate* unmanaged[Cdecl]<int, nint, nint, int> callback);

    [LibraryImport(Library, EntryPoint = "ring_buffer__new", SetLastError = true)]
    public static partial nint RingBufferNew(int mapFd, delegate* unmanaged[Cdecl]<nint, void*, nuint, int> sample, nint context, void* options);

    [LibraryImport(Library, EntryPoint = "ring_buffer__poll", SetLastError = true)]
    public static partial int RingBufferPoll(nint ringBuffer, int timeoutMs);

    [LibraryImport(Library, EntryPoint = "ring_buffer__free")]
    public static partial void RingBufferFree(nint ringBuffer);
}
