using System.Runtime.InteropServices;
using Ztap.Enforcement.Ebpf.Maps;

namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// The datapath's maps opened from their pins, which is all a policy update needs: the programs
/// already attached read the same maps, so an update never reloads or reattaches anything.
/// </summary>
internal sealed class PinnedMaps : IDisposable
{
    public static readonly string[] Shared = ["ztap_config", "ztap_settings", "ztap_conntrack", "ztap_sockets", "ztap_allowed_sockets", "ztap_events", "ztap_verdicts"];
    public static readonly string[] PerSlot = ["ztap_ipcache", "ztap_subjects", "ztap_isolated", "ztap_blocks", "ztap_policy", "ztap_counters"];

    // What to do about maps another build of ztap pinned with another layout.
    private const string OtherBuildRemedy =
        "Apply again with this build (ztap enforce or ztap agent): it replaces them while the programs attached keep enforcing.";

    // The key and value sizes of this build's maps, from the mirrors of bpf/ztap_maps.h's structs.
    private static readonly Dictionary<string, (int Key, int Value)> Layout = new()
    {
        ["ztap_config"] = (sizeof(uint), sizeof(uint)),
        ["ztap_settings"] = (sizeof(uint), Marshal.SizeOf<DatapathSettings>()),
        ["ztap_conntrack"] = (Marshal.SizeOf<ConntrackKey>(), sizeof(ulong)), // struct ztap_ct_entry, only counted here
        ["ztap_verdicts"] = (sizeof(uint), Marshal.SizeOf<Counter>()),
        ["ztap_ipcache"] = (Marshal.SizeOf<IpcacheKey>(), sizeof(uint)),
        ["ztap_subjects"] = (Marshal.SizeOf<SubjectKey>(), sizeof(uint)),
        ["ztap_isolated"] = (Marshal.SizeOf<IsolationKey>(), Marshal.SizeOf<Isolation>()),
        ["ztap_blocks"] = (Marshal.SizeOf<BlockKey>(), sizeof(uint)),
        ["ztap_policy"] = (Marshal.SizeOf<PolicyKey>(), Marshal.SizeOf<PolicyValue>()),
        ["ztap_counters"] = (sizeof(uint), DatapathLimits.CountersPerBlock * Marshal.SizeOf<SlotCounter>()),
    };

    private readonly Dictionary<string, BpfMap> _maps;

    private PinnedMaps(Dictionary<string, BpfMap> maps)
    {
        _maps = maps;
        Slots = [Slot(0), Slot(1)];
    }

    /// <summary>Every map name the datapath pins, as files under the pin root.</summary>
    public static IEnumerable<string> Names => Shared.Concat(PerSlot.SelectMany(m => new[] { $"{m}_0", $"{m}_1" }));

    public BpfMap Config => _maps["ztap_config"];

    public BpfMap Settings => _maps["ztap_settings"];

    public BpfMap Conntrack => _maps["ztap_conntrack"];

    public BpfMap Events => _maps["ztap_events"];

    public BpfMap Verdicts => _maps["ztap_verdicts"];

    public SlotMaps[] Slots { get; }

    /// <summary>
    /// Pins under the pin root named like the datapath's maps that this build's datapath has not:
    /// maps of another build that this one dropped or renamed, which only that build's programs read.
    /// </summary>
    public static List<string> Retired(string pinRoot) =>
        Directory.Exists(pinRoot)
            ? [.. Directory.EnumerateFiles(pinRoot, "ztap_*").Where(pin => !Names.Contains(Path.GetFileName(pin)))]
            : [];

    /// <summary>Whether none of the datapath's maps is pinned under the pin root.</summary>
    public static bool NoneUnder(string pinRoot) => !Names.Any(name => File.Exists(Path.Join(pinRoot, name)));

    /// <summary>
    /// Opens every map; null when any is not pinned, meaning the datapath is not (fully) installed.
    /// Refuses maps whose keys or values are not the size this build reads and writes, which
    /// another version of ztap pinned: entries of another size would be read and written wrongly.
    /// </summary>
    public static PinnedMaps? Open(string pinRoot) =>
        TryOpen(pinRoot, out var otherLayout) ?? (otherLayout is null ? null : throw new EnforcementException(EnforcementFailure.KernelError, otherLayout));

    /// <summary>
    /// Opens every map like <see cref="Open"/>, but tells of maps of another layout instead of
    /// refusing them: null, with <paramref name="otherLayout"/> saying which, when any pinned map
    /// has another layout, for an apply to replace (<see cref="DatapathReplacement"/>). A map
    /// pinned under <paramref name="replacements"/> stands for the one pinned under the root.
    /// </summary>
    public static PinnedMaps? TryOpen(string pinRoot, out string? otherLayout, string? replacements = null)
    {
        otherLayout = null;
        var maps = new Dictionary<string, BpfMap>();
        var complete = true;
        try
        {
            foreach (var name in Names)
            {
                var replacement = replacements is null ? null : BpfMap.OpenPinned(Path.Join(replacements, name));
                if ((replacement ?? BpfMap.OpenPinned(Path.Join(pinRoot, name))) is not { } map)
                {
                    complete = false;
                    continue;
                }

                maps.Add(name, map);
                otherLayout ??= LayoutMismatch(Path.Join(replacement is null ? pinRoot : replacements, name), name, map);
            }
        }
        catch
        {
            DisposeAll(maps);
            throw;
        }

        if (complete && otherLayout is null)
        {
            return new PinnedMaps(maps);
        }

        DisposeAll(maps);
        return null;
    }

    /// <summary>What is wrong with a pinned map's layout for this build; null when nothing is.</summary>
    private static string? LayoutMismatch(string path, string name, BpfMap map)
    {
        var kind = PerSlot.FirstOrDefault(m => name.StartsWith(m + "_", StringComparison.Ordinal)) ?? name;
        if (!Layout.TryGetValue(kind, out var expected))
        {
            return null;
        }

        var shape = map.Shape();
        return ((int)shape.KeySize, (int)shape.ValueSize) == expected
            ? null
            : $"the pinned map {path} has {shape.KeySize}-byte keys and {shape.ValueSize}-byte values where this build's datapath has "
                + $"{expected.Key} and {expected.Value}: another version of ztap pinned it. {OtherBuildRemedy}";
    }

    private static void DisposeAll(Dictionary<string, BpfMap> maps)
    {
        foreach (var opened in maps.Values)
        {
            opened.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var map in _maps.Values)
        {
            map.Dispose();
        }
    }

    private SlotMaps Slot(int n) => new(
        _maps[$"ztap_ipcache_{n}"], _maps[$"ztap_subjects_{n}"], _maps[$"ztap_isolated_{n}"], _maps[$"ztap_blocks_{n}"], _maps[$"ztap_policy_{n}"], _maps[$"ztap_counters_{n}"]);
}
