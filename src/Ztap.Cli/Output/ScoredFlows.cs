using System.Collections.Immutable;
using Ztap.Anomaly;
using Ztap.Anomaly.FlowFiles;

namespace Ztap.Cli.Output;

/// <summary>The rows of a flows CSV as they were read, each with the detector's verdict, in file order.</summary>
internal sealed record ScoredFlows(ImmutableArray<string> Header, ImmutableArray<FlowCsvRow> Rows, ImmutableArray<AnomalyResult> Results)
{
    public int Anomalies => Results.Count(r => r.IsAnomaly);
}
