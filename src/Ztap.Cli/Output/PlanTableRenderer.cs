using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap enforce --dry-run</c>: each part of what would be installed as a titled table.</summary>
internal sealed class PlanTableRenderer(Palette palette) : IRenderer<EnforcementPlan>
{
    public void Render(EnforcementPlan plan, TextWriter output)
    {
        // A text ruleset is printed exactly as it would be loaded, so it can be saved and read as is.
        if (plan.Ruleset is { } ruleset)
        {
            output.Write(ruleset);
            return;
        }

        output.WriteLine($"dry run: policy version {plan.PolicyVersion} would be installed ({plan.Backend}); nothing was changed");
        foreach (var section in plan.Sections)
        {
            output.WriteLine();
            output.WriteLine(palette.Strong($"{section.Title}: {Plural.Of(section.Rows.Length, "entry")}"));
            if (section.Rows.IsEmpty)
            {
                continue;
            }

            var table = new TextTable([.. section.Columns.Select(c => c.ToUpperInvariant())]);
            foreach (var row in section.Rows)
            {
                table.Add([.. row]);
            }

            table.Write(output);
        }
    }
}
