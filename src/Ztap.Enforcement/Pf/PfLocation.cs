namespace Ztap.Enforcement.Pf;

/// <summary>Where the pf backend writes its anchor, which pf.conf it references it from, and where it keeps its state.</summary>
public sealed record PfLocation(string AnchorPath, string PfConfPath, string StateDirectory)
{
    public const string Anchor = "ztap";

    public static PfLocation FromEnvironment() => new(
        "/etc/pf.anchors/ztap",
        "/etc/pf.conf",
        ZtapStateDirectory.FromEnvironment());
}
