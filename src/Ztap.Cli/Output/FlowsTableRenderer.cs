using System.Globalization;
using Ztap.Core.Policy;

namespace Ztap.Cli.Output;

/// <summary>
/// <c>ztap check --flows</c> for people: one aligned row per flow with the verdict and the rule
/// or policies behind each side, then a count of allowed and denied flows.
/// </summary>
internal sealed class FlowsTableRenderer(Palette palette) : IRenderer<IEnumerable<FlowVerdict>>
{
    public void Render(IEnumerable<FlowVerdict> report, TextWriter output)
    {
        var (count, allowed) = (0, 0);
        var table = new TextTable("SRC", "DST", "PROTOCOL", "PORT", "VERDICT", "EGRESS", "INGRESS")
            .Paint(4, (cell, text) => cell == "allow" ? palette.Allowed(text) : palette.Denied(text));
        foreach (var verdict in report)
        {
            var request = verdict.Flow.Request;
            count++;
            allowed += verdict.Allowed ? 1 : 0;
            table.Add(
                request.Source,
                request.Destination,
                ProtocolNames.Format(request.Protocol),
                request.Port?.ToString(CultureInfo.InvariantCulture) ?? "-",
                verdict.VerdictText,
                SideText.Cell(verdict.Explanation.Egress),
                SideText.Cell(verdict.Explanation.Ingress));
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"{Plural.Of(count, "flow")}: {allowed} allowed, {count - allowed} denied");
    }
}
