namespace Ztap.Enforcement;

/// <summary>The backend that enforces on this host, and why it was chosen, in words for the user.</summary>
public sealed record BackendChoice(string Backend, string Reason);
