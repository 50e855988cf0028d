namespace Ztap.Anomaly.FlowFiles;

/// <summary>Writes CSV fields back out, the inverse of the splitting the flow readers share with Core.</summary>
internal static class CsvQuote
{
    /// <summary>A field as CSV writes it: quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
