using System.Collections.Immutable;

namespace Ztap.Anomaly.FlowFiles;

/// <summary>One data line of a flows CSV: its line number, its fields as written (to echo them back) and the flow read from them.</summary>
public sealed record FlowCsvRow(int Line, ImmutableArray<string> Fields, ObservedFlow Flow);
