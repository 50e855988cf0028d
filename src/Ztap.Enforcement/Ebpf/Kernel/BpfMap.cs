using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Native;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>An open BPF map: typed reads and writes, batched where the kernel allows, each failure named.</summary>
internal sealed unsafe class BpfMap(string name, int fd) : IDisposable
{
    private const int BatchSize = 8192;

    // Entries a batch when reading a hash map to count it: keys and values stay below the large object heap.
    private const int CountBatchSize = 1024;

    public string Name { get; } = name;

    public int Fd { get; } = fd;

    /// <summary>Opens a pinned map; null when nothing is pinned at the path.</summary>
    public static BpfMap? OpenPinned(string path)
    {
        var fd = LibBpf.ObjGet(path);
        if (fd >= 0)
        {
            return new BpfMap(Path.GetFileName(path), fd);
        }

        var errno = Errno.Of(fd);
        return errno == Errno.Enoent
            ? null
            : throw new EnforcementException(EnforcementFailure.KernelError, $"opening pinned map {path}: {Errno.Describe(errno)}");
    }

    /// <summary>The map's type, sizes, capacity and flags, as the kernel created it.</summary>
    public MapShape Shape()
    {
        // The head of struct bpf_map_info: type, id, key_size, value_size, max_entries, map_flags;
        // the kernel fills as much of it as it is given.
        var info = stackalloc uint[6];
        var length = 6u * sizeof(uint);
        Check(LibBpf.ObjGetInfoByFd(Fd, info, &length), "reading the shape of");
        return new MapShape(info[0], info[2], info[3], info[4], info[5]);
    }

    public void Update<TKey, TValue>(in TKey key, in TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        fixed (TKey* k = &key)
        fixed (TValue* v = &value)
        {
            Check(LibBpf.MapUpdate(Fd, k, v, LibBpf.BpfAny), "updating");
        }
    }

    public bool TryLookup<TKey, TValue>(in TKey key, out TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        value = default;
        fixed (TKey* k = &key)
        fixed (TValue* v = &value)
        {
            var result = LibBpf.MapLookup(Fd, k, v);
            if (result < 0 && Errno.Of(result) == Errno.Enoent)
            {
                return false;
            }

            Check(result, "reading");
            return true;
        }
    }

    /// <summary>Every key of the map, walked one syscall per key: for recovery and status, not the fast path.</summary>
    public List<TKey> Keys<TKey>()
        where TKey : unmanaged
    {
        var keys = new List<TKey>();
        TKey next = default;
        var result = LibBpf.MapGetNextKey(Fd, null, &next);
        while (result == 0)
        {
            keys.Add(next);
            var current = next;
            result = LibBpf.MapGetNextKey(Fd, &current, &next);
        }

        if (Errno.Of(result) != Errno.Enoent)
        {
            Check(result, "listing");
        }

        return keys;
    }

    public void UpdateBatch<TKey, TValue>(ReadOnlySpan<TKey> keys, ReadOnlySpan<TValue> values)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        for (var start = 0; start < keys.Length; start += BatchSize)
        {
            var length = Math.Min(BatchSize, keys.Length - start);
            fixed (TKey* k = keys.Slice(start, length))
            fixed (TValue* v = values.Slice(start, length))
            {
                var count = (uint)length;
                var options = BatchOptions();
                Check(LibBpf.MapUpdateBatch(Fd, k, v, &count, &options), "batch-updating");
            }
        }
    }

    public void DeleteBatch<TKey>(ReadOnlySpan<TKey> keys)
        where TKey : unmanaged
    {
        for (var start = 0; start < keys.Length; start += BatchSize)
        {
            var length = Math.Min(BatchSize, keys.Length - start);
            fixed (TKey* k = keys.Slice(start, length))
            {
                var count = (uint)length;
                var options = BatchOptions();
                Check(LibBpf.MapDeleteBatch(Fd, k, &count, &options), "batch-deleting from");
            }
        }
    }

    /// <summary>
    /// Reads the entries of an array map from index <paramref name="first"/> on into
    /// <paramref name="values"/>, <paramref name="valuesPerEntry"/> of them an entry (one per
    /// possible CPU for a per-CPU map), a batch of entries a system call.
    /// </summary>
    public void LookupRange<TValue>(uint first, Span<TValue> values, int valuesPerEntry)
        where TValue : unmanaged
    {
        var entries = values.Length / valuesPerEntry;
        var keys = new uint[Math.Min(BatchSize, entries)];

        // The kernel starts after the key it is given, from the first one when given none.
        var previous = first - 1;
        for (var done = 0; done < entries;)
        {
            var count = (uint)Math.Min(keys.Length, entries - done);
            var next = 0u;
            var options = BatchOptions();
            fixed (uint* k = keys)
            fixed (TValue* v = values[(done * valuesPerEntry)..])
            {
                var result = LibBpf.MapLookupBatch(Fd, done == 0 && first == 0 ? null : &previous, &next, k, v, &count, &options);
                if (result < 0 && (Errno.Of(result) != Errno.Enoent || count == 0))
                {
                    Check(result, "batch-reading");
                }
            }

            done += (int)count;
            previous = next;
        }
    }

    /// <summary>
    /// How many entries a hash map holds, read a batch a system call rather than walked a key at a
    /// time. <typeparamref name="TValue"/> need only have the map's value size.
    /// </summary>
    public int Count<TKey, TValue>()
        where TKey : unmanaged
        where TValue : unmanaged
    {
        var keys = new TKey[CountBatchSize];
        var values = new TValue[CountBatchSize];
        var total = 0;

        // The kernel's place in a hash map between batches is a bucket number.
        var position = 0u;
        for (var first = true; ; first = false)
        {
            var count = (uint)CountBatchSize;
            var next = 0u;
            var options = BatchOptions();
            int result;
            fixed (TKey* k = keys)
            fixed (TValue* v = values)
            {
                result = LibBpf.MapLookupBatch(Fd, first ? null : &position, &next, k, v, &count, &options);
            }

            total += (int)count;
            if (result < 0)
            {
                if (Errno.Of(result) == Errno.Enoent)
                {
                    return total;
                }

                Check(result, "batch-reading");
            }

            position = next;
        }
    }

    public void Dispose() => LibC.Close(Fd);

    // struct bpf_map_batch_opts { size_t sz; __u64 elem_flags; __u64 flags; }
    private static (nuint Size, ulong ElementFlags, ulong Flags) BatchOptions() => ((nuint)24, 0, 0);

    private void Check(int result, string doing)
    {
        if (result < 0)
        {
            throw new EnforcementException(EnforcementFailure.KernelError, $"{doing} map {Name}: {Errno.Describe(Errno.Of(result))}");
        }
    }
}
