using System.Globalization;

namespace Ztap.Cli.Output;

/// <summary>
/// <c>ztap cloud sync</c> for people: the numbered plan with its notes before anything is applied,
/// then one line saying what applying did.
/// </summary>
internal sealed class SyncTableRenderer(Palette palette) : IRenderer<SyncReport>
{
    public void Render(SyncReport report, TextWriter output)
    {
        var plan = report.Plan;
        if (plan.IsEmpty && plan.CanApply)
        {
            output.WriteLine($"in sync: no changes in {report.Region}");
        }
        else if (!plan.IsEmpty)
        {
            output.WriteLine($"plan for {report.Region}: {Plural.Of(plan.Steps.Length, "change")} ({Plural.Of(plan.ApiCalls, "API call")})");
            var width = plan.Steps.Length.ToString(CultureInfo.InvariantCulture).Length;
            for (var i = 0; i < plan.Steps.Length; i++)
            {
                output.WriteLine($"  {(i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width)}. {plan.Steps[i].Describe()}");
            }
        }

        foreach (var note in plan.Notes)
        {
            output.WriteLine($"{palette.Warning("note:")} {note}");
        }
    }

    /// <summary>The line after applying: what changed, or that nothing did and why.</summary>
    public void RenderOutcome(SyncReport report, TextWriter output)
    {
        if (report.DryRun && !report.Plan.IsEmpty)
        {
            output.WriteLine("dry run: nothing was changed");
        }
        else if (report.Applied is { } applied && applied + report.Postponed.Length > 0)
        {
            output.WriteLine($"applied {Plural.Of(applied, "change")}");
            foreach (var postponed in report.Postponed)
            {
                output.WriteLine($"{palette.Warning("note:")} kept group {postponed}; a later sync deletes it");
            }
        }
    }
}
