namespace Ztap.Cli.Output;

/// <summary>
/// <c>ztap check --flows -o json</c>: an array of flow objects in input order (docs/cli.md),
/// written as the verdicts arrive so that a large run never holds them all.
/// </summary>
internal sealed class FlowsJsonRenderer : IRenderer<IEnumerable<FlowVerdict>>
{
    public void Render(IEnumerable<FlowVerdict> report, TextWriter output)
    {
        using var json = new JsonOutput(output);
        json.Writer.WriteStartArray();
        foreach (var verdict in report)
        {
            FlowVerdictJson.Write(json.Writer, verdict);
            json.FlushIfLarge();
        }

        json.Writer.WriteEndArray();
    }
}
