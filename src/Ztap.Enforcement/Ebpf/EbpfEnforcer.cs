using System.Collections.Immutable;
using Ztap.Core.Compiler;
using Ztap.Enforcement.Ebpf.Datapath;
using Ztap.Enforcement.Ebpf.Kernel;
using Ztap.Enforcement.Ebpf.Maps;
using Ztap.Enforcement.Ebpf.State;

namespace Ztap.Enforcement.Ebpf;

/// <summary>
/// Enforces a policy set in the Linux kernel: cgroup BPF programs on each local workload's cgroup,
/// reading identity-based maps that a new version replaces atomically. Everything is pinned, so
/// enforcement stays when ztap exits and the next apply picks up where the last one stopped.
/// </summary>
public sealed class EbpfEnforcer(EbpfLocation location) : IEnforcer
{
    private readonly StateStore _store = new(location.StateDirectory);
    private readonly SlotMemory _slots = new();

    // The image of the last set applied: an edit of that set images only the sides it touched.
    private DatapathImage? _lastImage;

    // The names last written and the set they were taken from, which an edit that renames nothing shares.
    private (PolicySet Set, EbpfNames Names)? _named;

    // The policy names of the last two versions this process installed, by generation, for events decided by either.
    private (uint Generation, ImmutableArray<string> Policies)[] _applied = [];

    public string Backend => "ebpf";

    public async Task<ApplyResult> ApplyAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken)
    {
        var cgroup2 = HostPreflight.Check(location.PinRoot);
        var subjects = LocalSubject.Resolve(set, cgroup2, options.WholeHost);

        using var exclusive = ApplyLock.Acquire(location.StateDirectory);
        Directory.CreateDirectory(location.PinRoot);
        var links = new CgroupLinks(location.PinRoot);
        var previous = await _store.ReadHeaderAsync(cancellationToken);
        var digest = DatapathObject.Digest;
        using var pinned = PinnedMaps.TryOpen(location.PinRoot, out var otherLayout);
        var reload = previous?.ObjectDigest != digest || otherLayout is not null;
        var toAttach = subjects.Where(s => reload || !links.IsComplete(s.Cgroup.Id)).ToList();

        // Loading creates the pinned maps on first use and reuses them afterwards, or replaces those
        // of another layout; an update that only changes policy needs none of it and goes straight
        // to the pinned maps. Into an empty pin root the datapath loads unpinned while the set is
        // imaged, and is pinned only once the image fits: a set refused for its size leaves nothing behind.
        using var loading = pinned is null || toAttach.Count > 0
            ? DatapathLoad.Start(location.PinRoot, unpinned: PinnedMaps.NoneUnder(location.PinRoot))
            : null;
        var image = _lastImage = DatapathImage.Build(set, [.. subjects.Select(s => s.Entry)], _lastImage, _slots.Retired);
        DatapathCapacity.Check(image);
        cancellationToken.ThrowIfCancellationRequested();

        // Named while the kernel may still be loading the datapath: this thread would only wait.
        var names = NamesOf(set);
        _store.PrepareIdentities(names);

        using var datapath = loading?.Take();

        // The maps of the programs about to be attached: those pinned, or their replacements.
        using var loaded = datapath is null
            ? null
            : PinnedMaps.TryOpen(location.PinRoot, out var stillOther, DatapathReplacement.Folder(location.PinRoot))
                ?? throw new EnforcementException(EnforcementFailure.KernelError, stillOther ?? $"the datapath maps are not pinned under {location.PinRoot} after loading");
        var maps = loaded ?? pinned!;
        if (datapath is { ReplacesMaps: true })
        {
            DatapathReplacement.ContinueGenerations(location.PinRoot, maps);
        }

        var generation = new SlotWriter(maps, location.StateDirectory, _slots).Install(image, ModeOf(options));

        // Attaching after the switch: a cgroup's programs never run before its subject is in force.
        foreach (var subject in toAttach)
        {
            links.Attach(datapath!, subject.Cgroup);
        }

        var wanted = subjects.Select(s => s.Cgroup.Id).ToHashSet();
        var detached = links.Attached().Where(id => !wanted.Contains(id)).ToList();
        foreach (var cgroup in detached)
        {
            links.Detach(cgroup);
        }

        if (datapath is { ReplacesMaps: true })
        {
            DatapathReplacement.Complete(location.PinRoot);
        }

        // Every cgroup runs this build's programs once it has loaded them.
        foreach (var pin in datapath is null ? [] : PinnedMaps.Retired(location.PinRoot))
        {
            File.Delete(pin);
        }

        var attached = subjects.Select(s => s.Workload).ToImmutableArray();
        _applied = [(generation, names.Policies), .. _applied.Take(1)];
        await _store.WriteAsync(
            new EbpfState(set.Version, generation, DateTimeOffset.UtcNow, options.Mode, location.PinRoot, digest, attached, EbpfMapFill.Of(image), names.Version),
            names,
            cancellationToken);

        var previousAttached = previous?.Attached ?? [];
        return new ApplyResult(
            Backend,
            set.Version,
            generation,
            options.Mode,
            attached,
            [.. previousAttached.Where(a => detached.Contains(a.CgroupId))]);
    }

    /// <summary>Writes the set in force into the idle slot too, so that the first update after it is a diff.</summary>
    public Task PrepareForUpdatesAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken)
    {
        // Only the image of the set last applied here is known to be what is in force.
        if (_lastImage is not { } image || !ReferenceEquals(image.Set, set))
        {
            return Task.CompletedTask;
        }

        HostPreflight.Check(location.PinRoot);
        using var exclusive = ApplyLock.Acquire(location.StateDirectory);
        using var maps = PinnedMaps.Open(location.PinRoot);
        if (maps is not null)
        {
            new SlotWriter(maps, location.StateDirectory, _slots).Prepare(image, ModeOf(options));
        }

        return Task.CompletedTask;
    }

    public Task<EnforcementPlan> DryRunAsync(PolicySet set, EnforcementOptions options, CancellationToken cancellationToken)
    {
        var cgroup2 = MountTable.Read().Cgroup2
            ?? throw new EnforcementException(EnforcementFailure.Unsupported, "no cgroup v2 mount found in /proc/self/mountinfo");
        var subjects = LocalSubject.Resolve(set, cgroup2, options.WholeHost);
        var image = DatapathImage.Build(set, [.. subjects.Select(s => s.Entry)]);
        DatapathCapacity.Check(image);
        return Task.FromResult(EbpfPlan.Describe(set, subjects, image));
    }

    public Task<RemoveResult> RemoveAsync(CancellationToken cancellationToken)
    {
        HostPreflight.Check(location.PinRoot);
        using var exclusive = ApplyLock.Acquire(location.StateDirectory);
        var links = new CgroupLinks(location.PinRoot);
        var cgroups = links.Attached().ToImmutableArray();
        foreach (var cgroup in cgroups)
        {
            links.Detach(cgroup);
        }

        // Unlinking a pin on bpffs unpins it; the kernel frees each map once no program holds it.
        var installed = Directory.Exists(location.PinRoot);
        if (installed)
        {
            foreach (var pin in PinnedMaps.Names.Select(name => Path.Join(location.PinRoot, name)).Concat(PinnedMaps.Retired(location.PinRoot)))
            {
                File.Delete(pin);
            }

            if (Directory.Exists(links.Directory))
            {
                Directory.Delete(links.Directory);
            }

            DatapathReplacement.Discard(location.PinRoot);

            Directory.Delete(location.PinRoot);
        }

        _store.Clear();
        _named = null;
        return Task.FromResult(new RemoveResult(Backend, installed, cgroups));
    }

    public async Task<EnforcementStatus> StatusAsync(CancellationToken cancellationToken)
    {
        HostPreflight.Check(location.PinRoot);
        var (state, names) = await _store.ReadAsync(cancellationToken);
        return EbpfStatusReader.Read(location, state, names);
    }

    /// <summary>Reads the datapath's verdict events from its ring buffer.</summary>
    public Task<IFlowReader> OpenFlowReaderAsync(PolicySet set, ImmutableArray<AttachedWorkload> attached, CancellationToken cancellationToken) =>
        Task.FromResult<IFlowReader>(new Events.EbpfFlowReader(location, set, attached, _applied));

    private static uint ModeOf(EnforcementOptions options) =>
        options.Mode == EnforcementMode.Audit ? DatapathLimits.ModeAudit : DatapathLimits.ModeEnforce;

    private EbpfNames NamesOf(PolicySet set)
    {
        var names = _named is { } last && EbpfNames.Kept(last.Set, set)
            ? last.Names
            : EbpfNames.Of(set, _named);
        _named = (set, names);
        return names;
    }
}
