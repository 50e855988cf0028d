using System.Collections.Immutable;

namespace Ztap.Cloud.Sync;

/// <summary>What applying a plan did: how many steps EC2 accepted, and the deletions it postponed.</summary>
/// <param name="Postponed">Groups left in place because something ztap does not manage still uses them; a later sync deletes them.</param>
public sealed record SyncResult(int Applied, ImmutableArray<string> Postponed);
