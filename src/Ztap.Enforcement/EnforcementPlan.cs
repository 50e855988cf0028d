using System.Collections.Immutable;

namespace Ztap.Enforcement;

/// <summary>What a backend would install for a set, section by section (identities, prefixes, map entries, rules).</summary>
public sealed record EnforcementPlan(string Backend, string PolicyVersion, ImmutableArray<PlanSection> Sections)
{
    /// <summary>
    /// For backends loaded from a text ruleset (nftables, pf): the exact text that would be
    /// loaded, which a dry run prints as it is.
    /// </summary>
    public string? Ruleset { get; init; }
}
