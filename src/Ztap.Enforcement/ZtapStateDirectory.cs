namespace Ztap.Enforcement;

/// <summary>
/// The one folder every backend keeps its state in (the applied version, the backend last used):
/// /var/lib/ztap, or <c>ZTAP_STATE_DIR</c>, so tests and hosts sharing a machine keep theirs apart.
/// </summary>
public static class ZtapStateDirectory
{
    public const string Default = "/var/lib/ztap";

    public static string FromEnvironment() =>
        Environment.GetEnvironmentVariable("ZTAP_STATE_DIR") is { Length: > 0 } state ? state : Default;
}
