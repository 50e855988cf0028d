namespace Ztap.Cli.Output;

/// <summary><c>ztap check --from --to -o json</c>: one flow object (docs/cli.md).</summary>
internal sealed class CheckJsonRenderer : IRenderer<FlowVerdict>
{
    public void Render(FlowVerdict report, TextWriter output)
    {
        using var json = new JsonOutput(output);
        FlowVerdictJson.Write(json.Writer, report);
    }
}
