using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Core.Policy;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Datapath;

/// <summary>
/// Everything one policy version installs in a slot: the ipcache (address to identity), the
/// subjects (attached cgroup to identity), the isolated identities, the ipBlock prefixes of each
/// side and the allowed entries. Computed from the <see cref="PolicySet"/> alone, apart from the
/// kernel that receives it.
/// </summary>
internal sealed class DatapathImage
{
    private DatapathImage(
        PolicySet set,
        MapImage<IpcacheKey, uint> ipcache,
        MapImage<SubjectKey, uint> subjects,
        MapImage<IsolationKey, Isolation> isolated,
        MapImage<BlockKey, uint> blocks,
        MapImage<PolicyKey, PolicyValue> policy)
    {
        Set = set;
        Ipcache = ipcache;
        Subjects = subjects;
        Isolated = isolated;
        Blocks = blocks;
        Policy = policy;
    }

    /// <summary>The set the image was built from.</summary>
    public PolicySet Set { get; }

    public MapImage<IpcacheKey, uint> Ipcache { get; }

    public MapImage<SubjectKey, uint> Subjects { get; }

    public MapImage<IsolationKey, Isolation> Isolated { get; }

    public MapImage<BlockKey, uint> Blocks { get; }

    public MapImage<PolicyKey, PolicyValue> Policy { get; }

    /// <summary>
    /// How many policy numbers the version counts decisions under (allows per allowing rule's policy,
    /// denials per isolating policy): the highest number in use, plus one.
    /// </summary>
    public int PolicyCount => Set.PolicyNumberBound;

    /// <param name="earlier">
    /// An image built before. When <paramref name="set"/> is an edit of its set, only the
    /// sides the edit changed (<see cref="PolicySet.SidesChangedSince"/>) are imaged; every other
    /// entry, the ipcache included, is taken over from it, into <paramref name="retired"/> arrays
    /// when there are some. When <paramref name="set"/> has its sides
    /// (<see cref="PolicySet.HasSidesOf"/>), as after workloads came or went, only the ipcache is
    /// imaged, and the images of the sides are the earlier image's own.
    /// </param>
    public static DatapathImage Build(PolicySet set, IReadOnlyList<SubjectEntry> subjects, DatapathImage? earlier = null, RetiredArrays? retired = null)
    {
        var changed = earlier is null ? null : set.SidesChangedSince(earlier.Set);
        if (changed is null && earlier is not null && set.HasSidesOf(earlier.Set))
        {
            return new DatapathImage(set, IpcacheImage(set.Prefixes), SubjectImage(subjects), earlier.Isolated, earlier.Blocks, earlier.Policy);
        }

        var kept = changed is null ? null : earlier;
        var ipcache = kept?.Ipcache ?? IpcacheImage(set.Prefixes);
        var sides = new SideImager(ipcache);
        if (kept is null)
        {
            // In number order, the order of the keys, so the images come out sorted.
            foreach (var identity in set.Identities.OrderBy(i => i.Number))
            {
                sides.Add(identity.Number, Direction.Ingress, set.RulesOf(identity, Direction.Ingress));
                sides.Add(identity.Number, Direction.Egress, set.RulesOf(identity, Direction.Egress));
            }

            return new DatapathImage(set, ipcache, SubjectImage(subjects), sides.Isolated.Build(), sides.Blocks.Build(), sides.Policy.Build());
        }

        // The changed sides imaged on their own (they come in key order), then put in place of theirs.
        var room = retired ?? new RetiredArrays();
        var replaced = new ulong[changed!.Count];
        for (var i = 0; i < replaced.Length; i++)
        {
            var (identity, direction) = changed[i];
            replaced[i] = ISideKey.Pack(identity.Number, (byte)direction);
            sides.Add(identity.Number, direction, set.RulesOf(identity, direction));
        }

        return new DatapathImage(
            set,
            ipcache,
            SubjectImage(subjects),
            SideReplacement.Apply(kept.Isolated, replaced, sides.Isolated.Build(), room),
            SideReplacement.Apply(kept.Blocks, replaced, sides.Blocks.Build(), room),
            SideReplacement.Apply(kept.Policy, replaced, sides.Policy.Build(), room));
    }

    private static MapImage<IpcacheKey, uint> IpcacheImage(ImmutableArray<PrefixEntry> prefixes)
    {
        var keys = new IpcacheKey[prefixes.Length];
        var values = new uint[prefixes.Length];
        for (var i = 0; i < prefixes.Length; i++)
        {
            keys[i] = IpcacheKey.From(prefixes[i].Prefix);
            values[i] = prefixes[i].Identity;
        }

        return new MapImage<IpcacheKey, uint>(keys, values);
    }

    private static MapImage<SubjectKey, uint> SubjectImage(IReadOnlyList<SubjectEntry> subjects)
    {
        var entries = new MapBuilder<SubjectKey, uint>();
        foreach (var subject in subjects)
        {
            entries.Add(new SubjectKey { Cgroup = subject.Cgroup, Identity = SubjectKey.Primary }, subject.Identity);
            foreach (var identity in subject.Identities.Distinct())
            {
                entries.Add(new SubjectKey { Cgroup = subject.Cgroup, Identity = identity }, identity);
            }
        }

        return entries.Build();
    }
}
