namespace Ztap.Enforcement;

/// <summary>How full one of the backend's tables is.</summary>
public sealed record MapFill(string Name, long Entries, long Capacity);
