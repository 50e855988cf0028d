namespace Ztap.Enforcement.Ebpf.Maps;

/// <summary>The capacities and reserved values of <c>bpf/ztap_maps.h</c>; a test checks they agree.</summary>
internal static class DatapathLimits
{
    public const int MaxPrefixes = 262144;
    public const int MaxSubjects = 16384;
    public const int MaxIsolations = 131072;
    public const int MaxPolicyEntries = 1048576;
    public const int MaxBlockEntries = 262144;
    public const int MaxPolicies = 16384;
    public const int MaxConntrack = 262144;
    public const int CountersPerBlock = 64;
    public const int Totals = 4;

    public const uint None = 0xffffffff;
    public const uint AnyPeer = 0;
    public const byte AnyProtocol = 0;

    public const uint ModeEnforce = 0;
    public const uint ModeAudit = 1;

    public const byte VerdictAllow = 0;
    public const byte VerdictDeny = 1;
    public const byte VerdictAudit = 2;

    public const int TotalAllowed = 0;
    public const int TotalDenied = 1;
    public const int TotalAudited = 2;
    public const int TotalEventsLost = 3;
}
