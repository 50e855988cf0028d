namespace Ztap.Enforcement.Ebpf.Kernel;

/// <summary>
/// The datapath's maps opened from their pins, which is all a policy update needs: the programs
/// already attached read the same maps, so an update never reloads or reattaches anything.
/// </summary>
internal sealed class PinnedMaps : IDisposable
{
    public static readonly string[] Shared = ["ztap_config", "ztap_settings", "ztap_conntrack", "ztap_sockets", "ztap_allowed_sockets", "ztap_events", "ztap_verdicts"];
    public static readonly string[] PerSlot = ["ztap_ipcache", "ztap_subjects", "ztap_isolated", "ztap_blocks", "ztap_policy", "ztap_counters"];

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

    /// <summary>Whether none of the datapath's maps is pinned under the pin root.</summary>
    public static bool NoneUnder(string pinRoot) => !Names.Any(name => File.Exists(Path.Join(pinRoot, name)));

    /// <summary>Opens every map; null when any is not pinned, meaning the datapath is not (fully) installed.</summary>
    public static PinnedMaps? Open(string pinRoot)
    {
        var maps = new Dictionary<string, BpfMap>();
        foreach (var name in Names)
        {
            var map = BpfMap.OpenPinned(Path.Join(pinRoot, name));
            if (map is null)
            {
                foreach (var opened in maps.Values)
                {
                    opened.Dispose();
                }

                return null;
            }

            maps.Add(name, map);
        }

        return new PinnedMaps(maps);
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
