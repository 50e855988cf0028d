using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.State;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// Installs a policy version atomically: the complete image goes into the idle slot while the
/// programs keep reading the active one, then one 32-bit store of the new generation into
/// ztap_config switches every program over. No packet ever sees half of a version.
/// </summary>
internal sealed class SlotWriter(PinnedMaps maps, string stateDirectory, SlotMemory memory)
{
    /// <summary>The generation in force, 0 when no version was ever completed.</summary>
    public uint ActiveGeneration => maps.Config.TryLookup(0u, out uint generation) ? generation : 0;

    /// <summary>Writes the image as the next generation and switches to it; returns that generation.</summary>
    public uint Install(DatapathImage image, uint mode)
    {
        var generation = ActiveGeneration + 1;
        if (generation == 0)
        {
            generation = 2; // 0 means "nothing applied"; skipping it keeps the slot parity right
        }

        var slot = (int)(generation & 1);
        var known = Known(slot) ?? ReadBack(maps.Slots[slot]);
        var changes = Fill(slot, image, mode, generation, known);
        maps.Config.Update(0u, generation);

        // After the switch, off the path to enforcement: a crash before the snapshot is written
        // leaves an older one, which the generation check refuses, and the next write reads keys back.
        Record(slot, generation, image, known, changes);
        return generation;
    }

    /// <summary>
    /// Writes the version in force into the idle slot too, when nothing of what that slot holds is
    /// known, and records it there under the generation in force: the next version written into
    /// that slot is then a diff, not a rewrite of every entry. The programs keep reading the active
    /// slot; a crash midway leaves the idle slot marked incomplete, as an install does.
    /// </summary>
    public void Prepare(DatapathImage image, uint mode)
    {
        var active = ActiveGeneration;
        var slot = (int)((active + 1) & 1);
        if (active == 0 || Known(slot) is not null)
        {
            return;
        }

        var known = ReadBack(maps.Slots[slot]);
        Record(slot, active, image, known, Fill(slot, image, mode, active, known));
    }

    /// <summary>What the slot holds as ztap wrote it, from memory or its snapshot; null when neither vouches for it.</summary>
    private SlotContent? Known(int slot)
    {
        maps.Settings.TryLookup((uint)slot, out DatapathSettings recorded);
        return memory.Recall(stateDirectory, slot, recorded.Generation) ?? SlotSnapshot.Read(stateDirectory, slot, recorded.Generation);
    }

    /// <summary>Turns what the slot holds into the image and records the generation for it in the kernel.</summary>
    private SlotChanges Fill(int slot, DatapathImage image, uint mode, uint generation, SlotContent known)
    {
        // Marks the slot incomplete in the kernel itself before the first write, so a crash
        // from here on leaves a slot no snapshot is trusted for.
        maps.Settings.Update((uint)slot, new DatapathSettings { Mode = mode, Generation = 0 });
        var target = maps.Slots[slot];
        var changes = SlotChanges.Between(known, image);

        // Two threads, each writing whole maps: each map takes its own lock in the kernel, no
        // program reads the idle slot, and a whole version is a few hundred thousand updates. The
        // kernel takes about as long for an entry of any of these maps, so the maps are shared out
        // by their number of changes; at 10,000 policies the policy map, the largest, gets a thread
        // to itself.
        var (here, there) = SplitByChanges(
        [
            (changes.Ipcache.Count, () => Apply(target.Ipcache, changes.Ipcache)),
            (changes.Subjects.Count, () => Apply(target.Subjects, changes.Subjects)),
            (changes.Isolated.Count, () => Apply(target.Isolated, changes.Isolated)),
            (changes.Blocks.Count, () => Apply(target.Blocks, changes.Blocks)),
            (changes.Policy.Count, () => Apply(target.Policy, changes.Policy)),
        ]);
        var other = Task.Run(() => there.ForEach(write => write()));
        try
        {
            here.ForEach(write => write());
        }
        finally
        {
            other.GetAwaiter().GetResult();
        }

        maps.Settings.Update((uint)slot, new DatapathSettings { Mode = mode, Generation = generation });
        return changes;
    }

    // Content known from memory or the snapshot is what the snapshot holds, so the changes from it
    // are all the snapshot needs; over keys read back, it is written whole.
    private void Record(int slot, uint generation, DatapathImage image, SlotContent known, SlotChanges changes)
    {
        SlotSnapshot.Write(stateDirectory, slot, generation, image, known.ValuesKnown ? changes : null);
        memory.Remember(stateDirectory, slot, generation, image);
    }

    private static SlotContent ReadBack(SlotMaps slot) => new(
        MapImage<IpcacheKey, uint>.KeysOnly([.. slot.Ipcache.Keys<IpcacheKey>()]),
        MapImage<SubjectKey, uint>.KeysOnly([.. slot.Subjects.Keys<SubjectKey>()]),
        MapImage<IsolationKey, Isolation>.KeysOnly([.. slot.Isolated.Keys<IsolationKey>()]),
        MapImage<BlockKey, uint>.KeysOnly([.. slot.Blocks.Keys<BlockKey>()]),
        MapImage<PolicyKey, PolicyValue>.KeysOnly([.. slot.Policy.Keys<PolicyKey>()]));

    /// <summary>The writes in two lists of about equal changes: largest first, each to the list with fewer so far.</summary>
    private static (List<Action> Here, List<Action> There) SplitByChanges((int Changes, Action Write)[] writes)
    {
        var (here, there) = (new List<Action>(), new List<Action>());
        var (hereChanges, thereChanges) = (0L, 0L);
        foreach (var (changes, write) in writes.OrderByDescending(w => w.Changes))
        {
            if (hereChanges <= thereChanges)
            {
                here.Add(write);
                hereChanges += changes;
            }
            else
            {
                there.Add(write);
                thereChanges += changes;
            }
        }

        return (here, there);
    }

    // Deletions first, so a map never holds more than the larger of the two versions.
    private static void Apply<TKey, TValue>(BpfMap map, MapChanges<TKey, TValue> changes)
        where TKey : unmanaged, IMapKey<TKey>
        where TValue : unmanaged
    {
        map.DeleteBatch<TKey>(changes.Deletions);
        map.UpdateBatch<TKey, TValue>(changes.UpsertKeys, changes.UpsertValues);
    }
}
