using System.Collections.Immutable;

namespace Ztap.Enforcement;

/// <summary>What a backend would install for a set, section by section (identities, prefixes, map entries, rules).</summary>
public sealed record EnforcementPlan(string Backend, string PolicyVersion, ImmutableArray<PlanSection> Sections);
