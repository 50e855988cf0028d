using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// The arrays of the last image an install retired, one pair per map, for the next image to be
/// built in. An agent applying edits holds three images at a time (the slot in force, the idle
/// slot it diffs against, the one being built); the idle slot's is retired once the new one is
/// installed there. Building in its arrays rather than fresh ones means an edit touches no new
/// memory: the collector hands the large arrays of dead images back to the system, and faulting
/// 4 MB in again cost 8-20 ms an edit where a page fault is dear (about 20 µs on a VM without PCID).
/// </summary>
internal sealed class RetiredArrays
{
    private readonly Dictionary<Type, (Array Keys, Array Values)> _retired = [];

    /// <summary>Keeps the image's arrays for a later image; the image itself must no longer be used.</summary>
    public void Retire<TKey, TValue>(MapImage<TKey, TValue> image)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        var (keys, values) = image.Storage;
        _retired[typeof(MapImage<TKey, TValue>)] = (keys, values);
    }

    /// <summary>
    /// Arrays that hold at least <paramref name="count"/> entries: the retired ones when they are
    /// large enough, else new ones with a little room, so that the next image, a few entries
    /// larger, fits in them too. Either way they are the caller's alone from now on.
    /// </summary>
    public (TKey[] Keys, TValue[] Values) Take<TKey, TValue>(int count)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        if (_retired.Remove(typeof(MapImage<TKey, TValue>), out var retired) && retired.Keys.Length >= count)
        {
            return ((TKey[])retired.Keys, (TValue[])retired.Values);
        }

        var room = count + (count / 32);
        return (GC.AllocateUninitializedArray<TKey>(room), GC.AllocateUninitializedArray<TValue>(room));
    }
}
