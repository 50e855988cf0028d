using Ztap.Core.Engine;
using Ztap.Core.Flows;

namespace Ztap.Cli.Output;

/// <summary>
/// <c>ztap check --from --to</c> for people: the flow and the verdict, then for egress and
/// ingress whether that side allows the flow and why, in short aligned sentences.
/// </summary>
internal sealed class CheckTableRenderer(Palette palette) : IRenderer<FlowVerdict>
{
    // Labels and decisions are padded to a fixed width so every sentence starts in one column.
    private const int LabelWidth = 9;

    public void Render(FlowVerdict report, TextWriter output)
    {
        var flow = report.Flow;
        output.WriteLine($"{Label("flow")}{flow.Source} -> {flow.Destination} {flow.Request.ServiceText}");
        output.WriteLine($"{Label("verdict")}{(report.Allowed ? palette.Allowed("allowed") : palette.Denied("denied"))}");

        var explanation = report.Explanation;
        WriteSide(output, explanation.Egress, flow.Source);
        WriteSide(output, explanation.Ingress, flow.Destination);
    }

    private void WriteSide(TextWriter output, SideDecision side, FlowEndpoint subject)
    {
        var first = true;
        foreach (var sentence in SideText.Sentences(side, subject))
        {
            var lead = first ? Label(SideText.DirectionName(side.Direction)) + Decision(side.Allowed) : new string(' ', 2 * LabelWidth);
            output.WriteLine(lead + sentence);
            first = false;
        }
    }

    private static string Label(string text) => text.PadRight(LabelWidth);

    private string Decision(bool allowed) =>
        allowed ? palette.Allowed("allowed".PadRight(LabelWidth)) : palette.Denied("denied".PadRight(LabelWidth));
}
