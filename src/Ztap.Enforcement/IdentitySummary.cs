namespace Ztap.Enforcement;

/// <summary>An identity in force: its number and what it stands for.</summary>
public sealed record IdentitySummary(uint Number, string Description);
