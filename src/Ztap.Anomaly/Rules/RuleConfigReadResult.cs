using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.Rules;

/// <summary>A rule configuration and every problem found reading it; the configuration is null when any is an error.</summary>
public sealed record RuleConfigReadResult(RuleConfig? Config, ImmutableArray<Diagnostic> Diagnostics);
