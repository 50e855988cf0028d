using System.Text.Json;
using Ztap.Core.Diagnostics;

namespace Ztap.Cli.Output;

/// <summary>One diagnostic as a JSON object, the same in every verb's JSON output.</summary>
internal static class DiagnosticJson
{
    public static void Write(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        writer.WriteStartObject();
        writer.WriteString("severity", diagnostic.Severity == Severity.Error ? "error" : "warning");
        writer.WriteString("file", diagnostic.Location.File);
        writer.WriteNumber("line", diagnostic.Location.Line);
        writer.WriteNumber("column", diagnostic.Location.Column);
        writer.WriteString("subject", diagnostic.Subject);
        writer.WriteString("field", diagnostic.FieldPath);
        writer.WriteString("message", diagnostic.Message);
        writer.WriteEndObject();
    }
}
