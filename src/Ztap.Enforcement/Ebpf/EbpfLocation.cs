namespace Ztap.Enforcement.Ebpf;

/// <summary>Where the eBPF backend keeps its pinned objects (bpffs) and its state (a plain folder).</summary>
/// <param name="PinRoot">The bpffs folder holding the maps and links; /sys/fs/bpf/ztap unless ZTAP_PIN_ROOT says otherwise.</param>
/// <param name="StateDirectory">The applied version and slot snapshots; /var/lib/ztap unless ZTAP_STATE_DIR says otherwise.</param>
public sealed record EbpfLocation(string PinRoot, string StateDirectory)
{
    public const string DefaultPinRoot = "/sys/fs/bpf/ztap";

    public static EbpfLocation FromEnvironment() => new(
        Environment.GetEnvironmentVariable("ZTAP_PIN_ROOT") is { Length: > 0 } pinRoot ? pinRoot : DefaultPinRoot,
        ZtapStateDirectory.FromEnvironment());
}
