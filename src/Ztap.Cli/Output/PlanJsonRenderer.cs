using Ztap.Enforcement;

namespace Ztap.Cli.Output;

/// <summary><c>ztap enforce --dry-run -o json</c>: sections of rows keyed by column name (docs/cli.md).</summary>
internal sealed class PlanJsonRenderer : IRenderer<EnforcementPlan>
{
    public void Render(EnforcementPlan plan, TextWriter output)
    {
        using var json = new JsonOutput(output);
        var writer = json.Writer;
        writer.WriteStartObject();
        writer.WriteString("backend", plan.Backend);
        writer.WriteString("policyVersion", plan.PolicyVersion);
        if (plan.Ruleset is { } ruleset)
        {
            writer.WriteString("ruleset", ruleset);
        }

        writer.WriteStartArray("sections");
        foreach (var section in plan.Sections)
        {
            writer.WriteStartObject();
            writer.WriteString("title", section.Title);
            writer.WriteStartArray("rows");
            foreach (var row in section.Rows)
            {
                writer.WriteStartObject();
                for (var i = 0; i < section.Columns.Length; i++)
                {
                    writer.WriteString(section.Columns[i], row[i]);
                }

                writer.WriteEndObject();
                json.FlushIfLarge();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
