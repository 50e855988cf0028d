using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap enforce -o json</c>: the version in force and the workloads attached and detached (docs/cli.md).</summary>
internal sealed class ApplyJsonRenderer : IRenderer<ApplyResult>
{
    public void Render(ApplyResult result, TextWriter output)
    {
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        writer.WriteStartObject();
        writer.WriteString("backend", result.Backend);
        writer.WriteString("policyVersion", result.PolicyVersion);
        writer.WriteNumber("generation", result.Generation);
        writer.WriteString("mode", result.Mode == EnforcementMode.Audit ? "audit" : "enforce");
        AttachedTable.WriteJson(writer, "attached", result.Attached);
        AttachedTable.WriteJson(writer, "detached", result.Detached);
        writer.WriteEndObject();
    }
}
