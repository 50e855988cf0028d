namespace Ztap.Core.Flows;

/// <summary>One field of a CSV line, unquoted and trimmed, with the 1-based column it starts at.</summary>
internal readonly record struct CsvField(string Value, int Column);
