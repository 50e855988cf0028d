using System.Collections.Immutable;

namespace Ztap.Enforcement;

/// <summary>What a removal took away: the cgroups detached and whether any policy was in force.</summary>
public sealed record RemoveResult(string Backend, bool WasInstalled, ImmutableArray<ulong> DetachedCgroups);
