using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Anomaly.FlowFiles;

/// <summary>The header and rows of a flows CSV in file order, and every problem found; unusable when any is an error.</summary>
public sealed record FlowCsvReadResult(ImmutableArray<string> Header, ImmutableArray<FlowCsvRow> Rows, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
