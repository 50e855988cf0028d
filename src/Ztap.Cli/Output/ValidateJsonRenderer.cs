using System.Text.Json;
using Ztap.Core.Diagnostics;
using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary><c>ztap validate -o json</c>: the verdict, counts, the policies found and every diagnostic (docs/cli.md).</summary>
internal sealed class ValidateJsonRenderer : IRenderer<ValidationReport>
{
    public void Render(ValidationReport report, TextWriter output)
    {
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        var diagnostics = report.Result.Diagnostics;

        writer.WriteStartObject();
        writer.WriteBoolean("valid", report.IsValid);
        writer.WriteNumber("files", report.FileCount);
        writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
        writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));

        writer.WriteStartArray("policies");
        foreach (var policy in report.Result.Policies)
        {
            WritePolicy(writer, policy);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in DiagnosticText.Sorted(diagnostics))
        {
            DiagnosticJson.Write(writer, diagnostic);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter writer, NetworkPolicy policy)
    {
        writer.WriteStartObject();
        writer.WriteString("name", policy.QualifiedName);
        writer.WriteString("dialect", policy.Dialect == PolicyDialect.ZtapV1 ? "ztap/v1" : "networking.k8s.io/v1");
        writer.WriteString("file", policy.Origin.File);
        writer.WriteNumber("line", policy.Origin.Line);
        writer.WriteEndObject();
    }
}
