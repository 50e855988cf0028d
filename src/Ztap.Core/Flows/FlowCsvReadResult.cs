using System.Collections.Immutable;
using Ztap.Core.Diagnostics;

namespace Ztap.Core.Flows;

/// <summary>The flow requests of a CSV file in file order, and every problem found in it; unusable when any is an error.</summary>
public sealed record FlowCsvReadResult(ImmutableArray<FlowRequest> Requests, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
