using System.Collections.Immutable;

namespace Ztap.Enforcement;

/// <summary>One part of a plan: a title (<c>ipcache</c>, <c>policy map</c>) and its entries as aligned columns.</summary>
public sealed record PlanSection(string Title, ImmutableArray<string> Columns, ImmutableArray<ImmutableArray<string>> Rows);
