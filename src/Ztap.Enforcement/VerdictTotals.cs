namespace Ztap.Enforcement;

/// <summary>Decisions by verdict since the datapath was installed, and events lost because the reader fell behind.</summary>
public sealed record VerdictTotals(ulong Allowed, ulong Denied, ulong Audited, ulong EventsLost);
