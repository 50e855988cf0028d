namespace Ztap.Enforcement;

/// <summary>How full one of the backend's tables is; a capacity of 0 means the table has no fixed size.</summary>
public sealed record MapFill(string Name, long Entries, long Capacity);
