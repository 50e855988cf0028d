namespace Ztap.Enforcement;

/// <summary>Decisions attributed to one policy since its version was applied: flows its rules allowed and flows it denied.</summary>
public sealed record PolicyCounters(string Policy, ulong Allowed, ulong AllowedBytes, ulong Denied, ulong DeniedBytes);
